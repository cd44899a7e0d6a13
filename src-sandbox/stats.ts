/** Counters the tests read through `sandbox.stats()` / `GET /stats` to prove "exactly once" and friends. */

export interface UploadStat {
  /** Documents accepted under this key: must stay 1 however often a client retries. */
  readonly accepted: number;
  /** Requests answered from the idempotency store. */
  readonly replays: number;
  readonly sha256: string;
  readonly size: number;
  readonly courtDocumentId: string;
  readonly caseId: string;
}

export interface CheckInStat {
  readonly id: string;
  readonly hearingId: string;
  readonly idempotencyKey: string | null;
  readonly receivedAt: string;
  readonly attendanceDays: readonly string[];
}

export interface SandboxStats {
  readonly requests: { readonly total: number; readonly byRoute: Readonly<Record<string, number>> };
  readonly uploads: { readonly acceptedTotal: number; readonly byIdempotencyKey: Readonly<Record<string, UploadStat>> };
  readonly checkIns: readonly CheckInStat[];
  readonly associations: { readonly created: number; readonly removed: number };
  readonly formSaves: number;
  readonly faultsInjected: Readonly<Record<string, number>>;
  readonly tokensIssued: number;
}

export class StatsRecorder {
  private total = 0;
  private readonly byRoute = new Map<string, number>();
  private readonly uploads = new Map<string, UploadStat>();
  private acceptedTotal = 0;
  private readonly checkIns: CheckInStat[] = [];
  private associationsCreated = 0;
  private associationsRemoved = 0;
  private formSaves = 0;
  private readonly faults = new Map<string, number>();
  private tokensIssued = 0;

  request(route: string): void {
    this.total++;
    this.byRoute.set(route, (this.byRoute.get(route) ?? 0) + 1);
  }

  uploadAccepted(key: string, s: Omit<UploadStat, 'accepted' | 'replays'>): void {
    const prior = this.uploads.get(key);
    this.uploads.set(key, { ...s, accepted: (prior?.accepted ?? 0) + 1, replays: prior?.replays ?? 0 });
    this.acceptedTotal++;
  }

  uploadReplayed(key: string): void {
    const prior = this.uploads.get(key);
    if (prior) this.uploads.set(key, { ...prior, replays: prior.replays + 1 });
  }

  checkIn(c: CheckInStat): void {
    this.checkIns.push(c);
  }

  associationCreated(): void {
    this.associationsCreated++;
  }

  associationRemoved(): void {
    this.associationsRemoved++;
  }

  formSaved(): void {
    this.formSaves++;
  }

  faultInjected(kind: string): void {
    this.faults.set(kind, (this.faults.get(kind) ?? 0) + 1);
  }

  tokenIssued(): void {
    this.tokensIssued++;
  }

  snapshot(): SandboxStats {
    return {
      requests: { total: this.total, byRoute: Object.fromEntries(this.byRoute) },
      uploads: { acceptedTotal: this.acceptedTotal, byIdempotencyKey: Object.fromEntries(this.uploads) },
      checkIns: [...this.checkIns],
      associations: { created: this.associationsCreated, removed: this.associationsRemoved },
      formSaves: this.formSaves,
      faultsInjected: Object.fromEntries(this.faults),
      tokensIssued: this.tokensIssued,
    };
  }
}
