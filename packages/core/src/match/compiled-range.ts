import type { RangeEvent, RangeType, VersionRange } from '../advisory/advisory.js';
import { schemeForEcosystem } from '../version/ecosystem.js';
import type { SchemeName, VersionScheme } from '../version/version-scheme.js';
import { parseWith } from './installed-version.js';

/** Finds the implementation of a version scheme; undefined when it is not available. */
export type SchemeLookup = (name: SchemeName) => VersionScheme | undefined;

export type EventKind = 'introduced' | 'fixed' | 'last_affected' | 'limit';

/** One range event with its version parsed once, when the advisory is indexed. */
export interface CompiledEvent {
  readonly kind: EventKind;
  readonly raw: string;
  readonly parsed: unknown;
  /** 'min': introduced "0" (before every version); 'max': a limit containing "*" (infinity). */
  readonly bound: 'min' | 'max' | 'value';
}

/** A range ready for evaluation: events parsed and sorted the way the OSV evaluation needs. */
export interface CompiledRange {
  readonly index: number;
  readonly type: RangeType;
  readonly scheme: VersionScheme | undefined;
  /** introduced / fixed / last_affected events in version order; among equal versions introduced comes first. */
  readonly events: readonly CompiledEvent[];
  readonly limits: readonly CompiledEvent[];
  /** Why the range cannot be evaluated (no scheme, an invalid event version); undefined when it can. */
  readonly problem: string | undefined;
}

const KIND_ORDER: Record<EventKind, number> = { introduced: 0, last_affected: 1, fixed: 2, limit: 3 };

/**
 * Compiles one OSV range of an affected entry. GIT ranges compile to an empty, problem-free
 * range: they cannot be evaluated against a package version and are ignored (only `versions` counts).
 */
export function compileRange(range: VersionRange, index: number, ecosystem: string, schemeFor: SchemeLookup): CompiledRange {
  const empty = { index, type: range.type, events: [], limits: [] };
  if (range.type === 'GIT') return { ...empty, scheme: undefined, problem: undefined };
  const found = resolveRangeScheme(range.type, ecosystem, schemeFor);
  if (typeof found === 'string') return { ...empty, scheme: undefined, problem: found };
  const compiled: CompiledEvent[] = [];
  for (const event of range.events) {
    const result = compileEvent(event, found);
    if (typeof result === 'string') return { ...empty, scheme: found, problem: result };
    compiled.push(result);
  }
  const events = compiled.filter((e) => e.kind !== 'limit');
  const byVersion = compareEvents(found);
  events.sort(byVersion);
  return { index, type: range.type, scheme: found, events, limits: compiled.filter((e) => e.kind === 'limit'), problem: undefined };
}

/** SEMVER ranges use semver; ECOSYSTEM ranges the ecosystem's own scheme. A string is the reason none applies. */
function resolveRangeScheme(type: RangeType, ecosystem: string, schemeFor: SchemeLookup): VersionScheme | string {
  const name = type === 'SEMVER' ? 'semver' : schemeForEcosystem(ecosystem);
  if (!name) return `no version scheme is known for ecosystem "${ecosystem}"`;
  return schemeFor(name) ?? `the ${name} version scheme is not available`;
}

function compileEvent(event: RangeEvent, scheme: VersionScheme): CompiledEvent | string {
  const [kind, raw] = eventParts(event);
  if (kind === undefined || typeof raw !== 'string') return `malformed range event ${JSON.stringify(event)}`;
  if (kind === 'introduced' && raw === '0') return { kind, raw, parsed: undefined, bound: 'min' };
  if (kind === 'limit' && raw.includes('*')) return { kind, raw, parsed: undefined, bound: 'max' };
  const outcome = parseWith(scheme, raw);
  if (!outcome.ok) return `${kind} ${outcome.reason}`;
  return { kind, raw, parsed: outcome.parsed, bound: 'value' };
}

function eventParts(event: RangeEvent): [EventKind | undefined, unknown] {
  if ('introduced' in event) return ['introduced', event.introduced];
  if ('fixed' in event) return ['fixed', event.fixed];
  if ('last_affected' in event) return ['last_affected', event.last_affected];
  if ('limit' in event) return ['limit', event.limit];
  return [undefined, undefined];
}

/** Version order; "0" first, "*" last; equal versions: introduced, last_affected, fixed, limit. */
function compareEvents(scheme: VersionScheme): (a: CompiledEvent, b: CompiledEvent) => number {
  return (a, b) => compareBounds(scheme, a, b) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind];
}

function compareBounds(scheme: VersionScheme, a: CompiledEvent, b: CompiledEvent): number {
  if (a.bound !== 'value' || b.bound !== 'value') return boundRank(a) - boundRank(b);
  return scheme.compareParsed(a.parsed, b.parsed);
}

function boundRank(e: CompiledEvent): number {
  return e.bound === 'min' ? -1 : e.bound === 'max' ? 1 : 0;
}
