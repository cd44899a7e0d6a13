/**
 * Capped exponential backoff with full jitter: many laptops coming back online at 9.30am must not all
 * hammer CP at the same instants.
 */
export function backoffMs(attempt: number, random: () => number = Math.random, baseMs = 2_000, capMs = 5 * 60_000): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
