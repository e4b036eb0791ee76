import type { ReadonlyAdvisoryIndex } from './advisory-index.js';
import type { InstalledVersion } from './installed-version.js';
import { evaluateEntry, type KeyVerdict } from './key-verdict.js';

const NO_VERDICTS: readonly KeyVerdict[] = Object.freeze([]);

/**
 * Evaluates one match key against every advisory entry of its package group. Returns the
 * positive and unevaluable verdicts only (a shared empty array when there are none).
 */
export function evaluateKey(groupId: string, version: InstalledVersion, index: ReadonlyAdvisoryIndex): readonly KeyVerdict[] {
  let verdicts: KeyVerdict[] | undefined;
  for (const entry of index.entriesFor(groupId)) {
    const verdict = evaluateEntry(entry, version);
    if (verdict) (verdicts ??= []).push(verdict);
  }
  return verdicts ?? NO_VERDICTS;
}
