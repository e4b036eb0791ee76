import type { Finding, FindingDelta } from '@patchloop/core';
import type { StoredFinding } from '@patchloop/store';

/**
 * Compares freshly computed findings with the stored open ones of the same scope: new keys open,
 * missing keys close, and keys whose content moved (version, status, fixed version, explanation) change.
 */
export function diffAgainstStored(assetId: string, computed: readonly Finding[], stored: readonly StoredFinding[]): FindingDelta {
  const storedByKey = new Map(stored.map((f) => [f.key, f]));
  const computedKeys = new Set(computed.map((f) => f.key));
  const opened: Finding[] = [];
  const changed: Finding[] = [];
  for (const f of computed) {
    const old = storedByKey.get(f.key);
    if (!old) opened.push(f);
    else if (contentMoved(old, f)) changed.push(f);
  }
  const closed = stored.filter((f) => !computedKeys.has(f.key)).map(storedToClosing);
  return { assetId, opened, closed, changed };
}

function contentMoved(old: StoredFinding, f: Finding): boolean {
  return old.package.version !== f.package.version || old.status !== f.status || (old.fixedVersion ?? '') !== (f.fixedVersion ?? '') || old.explanation.text !== f.explanation.text;
}

/** A stored finding in the shape the repository needs to resolve it (only the key is used). */
function storedToClosing(f: StoredFinding): Finding {
  return { key: f.key, assetId: f.assetId, advisoryId: f.advisoryId, advisorySource: f.advisorySource, vulnerabilityIds: f.vulnerabilityIds, package: f.package, matchedOn: { ecosystem: f.package.ecosystem, kind: 'binary', name: f.package.name, version: f.package.version }, status: f.status as Finding['status'], explanation: f.explanation };
}
