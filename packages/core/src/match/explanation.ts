import type { InstalledPackage } from '../inventory/asset.js';
import type { MatchExplanation } from './finding.js';
import type { KeyVerdict } from './key-verdict.js';
import { describeKeyMapping, type MatchKey } from './match-key.js';

/** Builds a finding's explanation from the key's verdict and how the package mapped to the key. */
export function explain(verdict: KeyVerdict, pkg: InstalledPackage, key: MatchKey): MatchExplanation {
  const { advisory: indexed, affected, affectedIndex, ranges } = verdict.entry;
  const advisory = { id: indexed.advisory.id, source: indexed.advisory.source };
  const entry = { index: affectedIndex, ecosystem: affected.ecosystem, name: affected.name, kind: affected.packageKind, ...(affected.status ? { status: affected.status } : {}) };
  const rangeType = verdict.rangeIndex === undefined ? undefined : ranges[verdict.rangeIndex]?.type;
  const mapping = describeKeyMapping(pkg, key);
  return {
    advisory,
    affected: entry,
    rule: verdict.rule,
    ...(verdict.rangeIndex === undefined ? {} : { rangeIndex: verdict.rangeIndex }),
    ...(rangeType === undefined ? {} : { rangeType }),
    events: verdict.events,
    comparisons: verdict.comparisons,
    mapping,
    ...(verdict.reason === undefined ? {} : { reason: verdict.reason }),
    text: `${verdictText(verdict, rangeType)}; ${mapping}`,
  };
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
