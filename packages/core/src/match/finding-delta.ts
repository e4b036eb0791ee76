import type { Finding, FindingDelta } from './finding.js';
import { packageFullKey } from '../inventory/software-diff.js';

/** Compares two finding lists of one asset by finding key. */
export function diffFindings(assetId: string, before: readonly Finding[], after: readonly Finding[]): FindingDelta {
  const old = new Map(before.map((f) => [f.key, f]));
  const opened: Finding[] = [];
  const changed: Finding[] = [];
  for (const f of after) {
    const previous = old.get(f.key);
    if (!previous) opened.push(f);
    else if (contentOf(previous) !== contentOf(f)) changed.push(f);
    old.delete(f.key);
  }
  return { assetId, opened, closed: [...old.values()], changed };
}

/** True when the delta holds no change. */
export function isEmptyDelta(delta: FindingDelta): boolean {
  return delta.opened.length === 0 && delta.closed.length === 0 && delta.changed.length === 0;
}

function contentOf(f: Finding): string {
  return [f.status, f.fixedVersion ?? '', packageFullKey(f.package), f.vulnerabilityIds.join(','), f.explanation.text].join('\u0000');
}
