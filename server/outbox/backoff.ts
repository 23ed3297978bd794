export interface BackoffOptions {
  baseMs: number;
  capMs: number;
}

/**
 * Exponential backoff with "equal jitter": half the delay is fixed, half random, so retries of
 * many rows spread out but none comes back immediately. `attempt` counts from 1.
 */
export function backoffDelay(attempt: number, { baseMs, capMs }: BackoffOptions, random: () => number): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(attempt - 1, 30));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
