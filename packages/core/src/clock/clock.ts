/** Time is injected: nothing in core reads the system clock. */
export interface Clock {
  /** Current time as an ISO-8601 UTC string with milliseconds, e.g. 2026-11-26T21:00:00.000Z. */
  nowIso(): string;
}

/** A clock pinned to one instant (tests, replays). */
export function fixedClock(iso: string): Clock {
  return { nowIso: () => iso };
}
