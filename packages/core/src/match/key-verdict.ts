import type { RangeEvent } from '../advisory/advisory.js';
import type { CompiledEntry } from './compiled-entry.js';
import { OPEN_STATUSES } from './compiled-entry.js';
import type { CompiledRange } from './compiled-range.js';
import type { FindingStatus, MatchRule } from './finding.js';
import type { InstalledVersion } from './installed-version.js';
import { explainRangeMatch, findOpeningEvent, NOT_IN_RANGE, smallestFixedAbove } from './range-evaluator.js';

/** The verdict of one affected entry for one match key (only positive or unevaluable verdicts exist). */
export interface KeyVerdict {
  readonly entry: CompiledEntry;
  readonly status: FindingStatus;
  readonly rule: MatchRule;
  readonly rangeIndex: number | undefined;
  readonly fixedVersion: string | undefined;
  readonly events: readonly RangeEvent[];
  readonly comparisons: readonly string[];
  readonly reason: string | undefined;
}

/**
 * Evaluates one entry for an installed version: ranges (OR-ed, GIT ranges skipped), then the
 * explicit `versions` list, then the distro status rule. A comparison that cannot be made makes the
 * verdict `unevaluable` unless another range or the versions list matches. Never throws.
 */
export function evaluateEntry(entry: CompiledEntry, version: InstalledVersion): KeyVerdict | undefined {
  if (entry.rule === 'never') return undefined;
  if (entry.rule === 'any-version') return distroStatusVerdict(entry);
  let problem: string | undefined;
  for (const range of entry.ranges) {
    if (range.type === 'GIT') continue;
    if (range.problem || !range.scheme) {
      problem ??= `range ${range.index}: ${range.problem ?? 'no scheme'}`;
      continue;
    }
    const installed = version.get(range.scheme);
    if (!installed.ok) {
      problem ??= `range ${range.index}: installed ${installed.reason}`;
      continue;
    }
    const opener = findOpeningEvent(range, installed.parsed);
    if (opener !== NOT_IN_RANGE) return rangeVerdict(entry, range, installed.parsed, version.text, opener);
  }
  if (entry.versions.has(version.text)) return versionsVerdict(entry, version);
  return problem === undefined ? undefined : unevaluableVerdict(entry, problem);
}

function matchStatus(entry: CompiledEntry): FindingStatus {
  const s = entry.affected.status;
  return s !== undefined && s !== 'fixed' && s !== 'not-affected' && OPEN_STATUSES.has(s) ? s : 'affected';
}

function rangeVerdict(entry: CompiledEntry, range: CompiledRange, installed: unknown, text: string, opener: number): KeyVerdict {
  const { events, comparisons } = explainRangeMatch(range, installed, text, opener);
  const fixedVersion = smallestFixedAbove(range, installed);
  return { entry, status: matchStatus(entry), rule: 'range', rangeIndex: range.index, fixedVersion, events, comparisons, reason: undefined };
}

function versionsVerdict(entry: CompiledEntry, version: InstalledVersion): KeyVerdict {
  const comparisons = [`installed ${version.text} is listed in versions (${entry.versions.size} listed)`];
  return { entry, status: matchStatus(entry), rule: 'versions', rangeIndex: undefined, fixedVersion: fixedFromAnyRange(entry, version), events: [], comparisons, reason: undefined };
}

/** For a versions-list match: the first evaluable range's smallest fixed version above the installed one. */
function fixedFromAnyRange(entry: CompiledEntry, version: InstalledVersion): string | undefined {
  for (const range of entry.ranges) {
    if (range.problem || !range.scheme) continue;
    const installed = version.get(range.scheme);
    const fixed = installed.ok ? smallestFixedAbove(range, installed.parsed) : undefined;
    if (fixed !== undefined) return fixed;
  }
  return undefined;
}

function distroStatusVerdict(entry: CompiledEntry): KeyVerdict {
  const { status, ecosystem } = entry.affected;
  const comparisons = [`status ${status ?? 'unknown'} in ${ecosystem}: every version is affected (no fixed version)`];
  return { entry, status: matchStatus(entry), rule: 'distro-status', rangeIndex: undefined, fixedVersion: undefined, events: [], comparisons, reason: undefined };
}

function unevaluableVerdict(entry: CompiledEntry, reason: string): KeyVerdict {
  return { entry, status: 'unevaluable', rule: 'unevaluable', rangeIndex: undefined, fixedVersion: undefined, events: [], comparisons: [], reason };
}
