import type { InstalledPackage } from '../inventory/asset.js';
import type { MatchExplanation } from './finding.js';
import type { KeyVerdict } from './key-verdict.js';
import { describeKeyMapping, type MatchKey } from './match-key.js';

/** Builds a finding's explanation from the key's verdict and how the package mapped to the key. */
export function explain(verdict: KeyVerdict, pkg: InstalledPackage, key: MatchKey): MatchExplanation {
  const { advisory: indexed, affected, affectedIndex, ranges } = verdict.entry;
  const rangeType = verdict.rangeIndex === undefined ? undefined : ranges[verdict.rangeIndex]?.type;
  const mapping = mappingOf(pkg, key);
  // Built field by field (no conditional spreads): one of these per finding, so it is on the hot path.
  const parts = partsOf(verdict, indexed, affected, affectedIndex);
  const out: Mutable<MatchExplanation> = { advisory: parts.advisory, affected: parts.affected, rule: verdict.rule } as Mutable<MatchExplanation>;
  if (verdict.rangeIndex !== undefined) out.rangeIndex = verdict.rangeIndex;
  if (rangeType !== undefined) out.rangeType = rangeType;
  out.events = verdict.events;
  out.comparisons = verdict.comparisons;
  out.mapping = mapping;
  if (verdict.reason !== undefined) out.reason = verdict.reason;
  out.text = `${verdictText(verdict, rangeType)}; ${mapping}`;
  return out;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The mapping text per key and package: a key's verdicts all name the same mapping. */
const mappingByKey = new WeakMap<MatchKey, { pkg: InstalledPackage; text: string }>();

function mappingOf(pkg: InstalledPackage, key: MatchKey): string {
  const known = mappingByKey.get(key);
  if (known?.pkg === pkg) return known.text;
  const text = describeKeyMapping(pkg, key);
  mappingByKey.set(key, { pkg, text });
  return text;
}

/** The advisory and entry parts, per verdict: (readonly) objects shared by the findings of a verdict. */
const partsByVerdict = new WeakMap<KeyVerdict, Pick<MatchExplanation, 'advisory' | 'affected'>>();

function partsOf(verdict: KeyVerdict, indexed: KeyVerdict['entry']['advisory'], affected: KeyVerdict['entry']['affected'], affectedIndex: number): Pick<MatchExplanation, 'advisory' | 'affected'> {
  let parts = partsByVerdict.get(verdict);
  if (!parts) {
    parts = { advisory: { id: indexed.advisory.id, source: indexed.advisory.source }, affected: entryOf(affected, affectedIndex) };
    partsByVerdict.set(verdict, parts);
  }
  return parts;
}

function entryOf(affected: KeyVerdict['entry']['affected'], index: number): MatchExplanation['affected'] {
  const entry: Mutable<MatchExplanation['affected']> = { index, ecosystem: affected.ecosystem, name: affected.name, kind: affected.packageKind };
  if (affected.status) entry.status = affected.status;
  return entry;
}

/** The verdict's part of the text, built once per verdict (shared by every asset it fans out to). */
const textByVerdict = new WeakMap<KeyVerdict, string>();

function verdictText(verdict: KeyVerdict, rangeType: string | undefined): string {
  let text = textByVerdict.get(verdict);
  if (text === undefined) {
    const { advisory, affected, affectedIndex } = verdict.entry;
    const head = `${advisory.advisory.source} ${advisory.advisory.id} affected[${affectedIndex}] ${affected.ecosystem} ${affected.packageKind} ${affected.name}`;
    text = [head, ruleText(verdict, rangeType), ...verdict.comparisons].join('; ');
    textByVerdict.set(verdict, text);
  }
  return text;
}

function ruleText(verdict: KeyVerdict, rangeType: string | undefined): string {
  switch (verdict.rule) {
    case 'range':
      return `range ${verdict.rangeIndex} (${rangeType}) events ${JSON.stringify(verdict.events)}`;
    case 'versions':
      return 'explicit versions list';
    case 'distro-status':
      return `distro status rule (${verdict.entry.affected.status})`;
    case 'unevaluable':
      return `cannot evaluate: ${verdict.reason}`;
  }
}
