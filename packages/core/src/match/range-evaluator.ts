import type { RangeEvent } from '../advisory/advisory.js';
import type { VersionScheme } from '../version/version-scheme.js';
import type { CompiledEvent, CompiledRange } from './compiled-range.js';

/** `findOpeningEvent` result when the version is not in the range. */
export const NOT_IN_RANGE = -1;

/**
 * The OSV evaluation of one range (schema "Evaluation": BeforeLimits, then the walk over the
 * sorted events) for an installed version already parsed by `range.scheme`. Returns the index
 * in `range.events` of the `introduced` event that opened the affected interval holding the
 * version, or NOT_IN_RANGE. Allocation-free: this is the matcher's hot loop.
 * The range must be problem-free and not GIT (callers check `range.problem` and `range.type`).
 */
export function findOpeningEvent(range: CompiledRange, installed: unknown): number {
  const scheme = range.scheme;
  if (!scheme || !isBeforeLimits(range, scheme, installed)) return NOT_IN_RANGE;
  const events = range.events;
  let opener = NOT_IN_RANGE;
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    const c = e.bound === 'min' ? 1 : scheme.compareParsed(installed, e.parsed);
    // Events are sorted: once the version is below one, no later event can fire.
    if (c < 0) break;
    if (e.kind === 'introduced') opener = i;
    else if (e.kind === 'fixed' || c > 0) opener = NOT_IN_RANGE;
  }
  return opener;
}

/** BeforeLimits: no limit means an implicit "*"; otherwise the version must be below some limit. */
function isBeforeLimits(range: CompiledRange, scheme: VersionScheme, installed: unknown): boolean {
  if (range.limits.length === 0) return true;
  return findLimitAbove(range, scheme, installed) !== undefined;
}

function findLimitAbove(range: CompiledRange, scheme: VersionScheme, installed: unknown): CompiledEvent | undefined {
  return range.limits.find((l) => l.bound === 'max' || scheme.compareParsed(installed, l.parsed) < 0);
}

/** The smallest `fixed` event of the range above the installed version, if any. */
export function smallestFixedAbove(range: CompiledRange, installed: unknown): string | undefined {
  const scheme = range.scheme;
  if (!scheme || range.problem) return undefined;
  const fixed = range.events.find((e) => e.kind === 'fixed' && scheme.compareParsed(installed, e.parsed) < 0);
  return fixed?.raw;
}

/** What decided a range match, in words and as the events involved. */
export interface RangeMatchEvidence {
  readonly events: readonly RangeEvent[];
  readonly comparisons: readonly string[];
}

/** Explains a match found by `findOpeningEvent`: the opening event, the bound that keeps it open, any limit. */
export function explainRangeMatch(range: CompiledRange, installed: unknown, installedText: string, opener: number): RangeMatchEvidence {
  const scheme = range.scheme!;
  const open = range.events[opener]!;
  const close = range.events.slice(opener + 1).find((e) => e.kind !== 'introduced');
  const limit = range.limits.length > 0 ? findLimitAbove(range, scheme, installed) : undefined;
  const events = [open, close, limit].filter((e): e is CompiledEvent => e !== undefined).map(toRangeEvent);
  const comparisons = [describeOpen(open, installedText, scheme.name), describeClose(close, installedText, scheme.name)];
  if (limit) comparisons.push(limit.bound === 'max' ? `limit ${limit.raw} (unbounded)` : `installed ${installedText} < limit ${limit.raw} (${scheme.name})`);
  return { events, comparisons };
}

function describeOpen(e: CompiledEvent, installed: string, scheme: string): string {
  return e.bound === 'min' ? 'introduced 0 (every version)' : `installed ${installed} >= introduced ${e.raw} (${scheme})`;
}

function describeClose(e: CompiledEvent | undefined, installed: string, scheme: string): string {
  if (!e) return 'no fixed or last_affected event after it (open-ended)';
  if (e.kind === 'fixed') return `installed ${installed} < fixed ${e.raw} (${scheme})`;
  return `installed ${installed} <= last_affected ${e.raw} (${scheme})`;
}

function toRangeEvent(e: CompiledEvent): RangeEvent {
  switch (e.kind) {
    case 'introduced':
      return { introduced: e.raw };
    case 'fixed':
      return { fixed: e.raw };
    case 'last_affected':
      return { last_affected: e.raw };
    case 'limit':
      return { limit: e.raw };
  }
}
