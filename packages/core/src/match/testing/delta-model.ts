// Test-only: applies finding deltas to a per-asset model, as persistence would, checking they are consistent.
import assert from 'node:assert/strict';
import type { Finding, FindingDelta } from '../finding.js';

export type FindingModel = Map<string, Map<string, Finding>>;

export function applyDelta(model: FindingModel, delta: FindingDelta): void {
  let findings = model.get(delta.assetId);
  if (!findings) model.set(delta.assetId, (findings = new Map()));
  for (const f of delta.closed) assert.ok(findings.delete(f.key), `closed a finding never opened: ${f.key}`);
  for (const f of delta.changed) {
    assert.ok(findings.has(f.key), `changed a finding never opened: ${f.key}`);
    findings.set(f.key, f);
  }
  for (const f of delta.opened) {
    assert.ok(!findings.has(f.key), `opened a finding twice: ${f.key}`);
    findings.set(f.key, f);
  }
}

/** The model's findings of one asset, sorted by key. */
export function modelFindings(model: FindingModel, assetId: string): Finding[] {
  return [...(model.get(assetId)?.values() ?? [])].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
