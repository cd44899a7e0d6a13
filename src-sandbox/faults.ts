/**
 * Holds the current fault switches and decides, per request, which apply.
 * Random choices (errorRate, errorKinds) come from a seeded generator so a failing
 * test run can be replayed with the same seed.
 */
import { DEFAULT_FAULTS, FaultsPatchSchema, FaultsSchema, type ErrorKind, type Faults, type FaultsPatch } from './faults-schema';
import { Prng } from './seed/prng';

export type RequestFault =
  | { readonly kind: 'none' }
  | { readonly kind: 'rateLimited'; readonly retryAfterSeconds: number }
  | { readonly kind: 'error'; readonly errorKind: ErrorKind };

export class FaultController {
  private faults: Faults = cloneFaults(DEFAULT_FAULTS);
  private readonly prng: Prng;

  constructor(seed: number) {
    this.prng = new Prng(seed, 'faults');
  }

  get(): Faults {
    return cloneFaults(this.faults);
  }

  /** Validates and applies a patch; returns the previous and the new switches. */
  apply(patch: FaultsPatch): { previous: Faults; next: Faults } {
    const checked = FaultsPatchSchema.parse(patch);
    const previous = this.faults;
    const next = FaultsSchema.parse({ ...previous, ...checked });
    this.faults = next;
    return { previous: cloneFaults(previous), next: cloneFaults(next) };
  }

  reset(): { previous: Faults; next: Faults } {
    const previous = this.faults;
    this.faults = cloneFaults(DEFAULT_FAULTS);
    return { previous: cloneFaults(previous), next: cloneFaults(this.faults) };
  }

  clockOffsetMs(): number {
    return this.faults.clockOffsetMs;
  }

  /** Does a fault switch apply to this API path? (`pathPrefix` narrows faults to part of the API.) */
  appliesTo(pathname: string): boolean {
    return this.faults.pathPrefix === null || pathname.startsWith(this.faults.pathPrefix);
  }

  /** The request-level fault for a non-health request, drawn once per request. */
  requestFault(): RequestFault {
    const f = this.faults;
    if (f.rateLimit) return { kind: 'rateLimited', retryAfterSeconds: f.rateLimit.retryAfterSeconds };
    if (f.errorRate > 0 && this.prng.next() < f.errorRate) return { kind: 'error', errorKind: this.prng.pick(f.errorKinds) };
    return { kind: 'none' };
  }
}

function cloneFaults(f: Faults): Faults {
  return { ...f, errorKinds: [...f.errorKinds], rateLimit: f.rateLimit ? { ...f.rateLimit } : null };
}
