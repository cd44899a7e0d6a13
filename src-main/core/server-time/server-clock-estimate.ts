/**
 * Common Platform's clock as last seen, from the `Date` header of its responses. Deemed service runs
 * on CP's receipt time, and the laptop's clock may be minutes or days out, so before a document is
 * queued the app estimates "now by CP's clock" as local now plus the offset seen on the last answer.
 *
 * Only the latest observation is kept: if the laptop's clock is changed, every older offset is wrong,
 * and the newest is the one taken closest to the clock the estimate will be read against.
 */
import { z } from 'zod';
import { parseHttpDate } from './http-date';

/** What the app stores in its settings to remember CP's clock across restarts. */
export const ServerClockSnapshotSchema = z
  .object({
    /** CP's time minus the laptop's, in milliseconds. */
    offsetMs: z.number().int().finite(),
    /** The laptop's clock when that offset was seen. */
    observedAtLocalMs: z.number().int().finite(),
  })
  .strict();
export type ServerClockSnapshot = z.infer<typeof ServerClockSnapshotSchema>;

export interface ServerTimeEstimate {
  readonly serverNowMs: number;
  /** How long ago, by the laptop's clock, CP's clock was last seen. */
  readonly observedAgoMs: number;
}

// The header has whole seconds, truncated: CP's clock was somewhere in [D, D + 1 s) when it wrote it.
// Taking the middle halves the worst-case error; network delay (usually far below a second) is ignored.
const HALF_SECOND_MS = 500;

export class ServerClockEstimate {
  private last: ServerClockSnapshot | null;

  constructor(snapshot: ServerClockSnapshot | null = null) {
    this.last = snapshot;
  }

  /** From stored settings; anything that is not a valid snapshot starts with CP's clock unknown. */
  static restore(stored: unknown): ServerClockEstimate {
    const parsed = ServerClockSnapshotSchema.safeParse(stored);
    return new ServerClockEstimate(parsed.success ? parsed.data : null);
  }

  /**
   * Notes CP's `Date` header, read when the response arrived at `localReceivedAtMs`. A missing or
   * malformed header is ignored (returns false): no estimate is better than a wrong one.
   */
  observe(dateHeader: string | null | undefined, localReceivedAtMs: number): boolean {
    if (dateHeader === null || dateHeader === undefined || !Number.isFinite(localReceivedAtMs)) return false;
    const serverMs = parseHttpDate(dateHeader);
    if (serverMs === null) return false;
    const localMs = Math.round(localReceivedAtMs);
    this.last = { offsetMs: serverMs + HALF_SECOND_MS - localMs, observedAtLocalMs: localMs };
    return true;
  }

  /**
   * CP's clock now, or null when it was never seen — or when the laptop's clock reads earlier than when
   * it was seen, which means the clock was put back and the stored offset no longer applies.
   */
  estimate(localNowMs: number): ServerTimeEstimate | null {
    if (this.last === null) return null;
    const observedAgoMs = localNowMs - this.last.observedAtLocalMs;
    if (observedAgoMs < 0) return null;
    return { serverNowMs: localNowMs + this.last.offsetMs, observedAgoMs };
  }

  /** The last observation, to store; null when CP's clock was never seen. */
  snapshot(): ServerClockSnapshot | null {
    return this.last === null ? null : { ...this.last };
  }
}
