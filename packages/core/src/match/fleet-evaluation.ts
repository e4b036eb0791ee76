import type { ReadonlyAdvisoryIndex } from './advisory-index.js';
import { countAssetFindings, countPackageFindings, type VerdictLookup } from './finding-count.js';
import type { FleetState } from './fleet-state.js';
import { evaluateKey } from './key-evaluator.js';

/** What a full evaluation did and found. */
export interface FleetEvaluation {
  /** Distinct match keys evaluated (each once, whatever the number of assets holding it). */
  readonly keys: number;
  /** Keys with at least one positive or unevaluable verdict. */
  readonly matchedKeys: number;
  readonly assets: number;
  /** Findings over all assets. */
  readonly findings: number;
}

/**
 * Evaluates every key of the fleet once against the whole index, then fans the verdicts out
 * through the package -> assets posting lists as per-asset finding counts (indexed by asset).
 * No Finding object is built: findings are materialized per asset when read.
 */
export function evaluateFleet(state: FleetState, index: ReadonlyAdvisoryIndex): { summary: FleetEvaluation; counts: Uint32Array } {
  const { keys, matchedKeys } = evaluateEveryKey(state, index);
  const counts = fanOutCounts(state);
  let findings = 0;
  let assets = 0;
  for (const asset of state.assetIndices()) {
    findings += counts[asset]!;
    assets++;
  }
  return { summary: { keys, matchedKeys, assets, findings }, counts };
}

function evaluateEveryKey(state: FleetState, index: ReadonlyAdvisoryIndex): { keys: number; matchedKeys: number } {
  let keys = 0;
  let matchedKeys = 0;
  for (const key of state.keyRecords()) {
    key.verdicts = evaluateKey(key.groupId, key.version, index);
    keys++;
    if (key.verdicts.length > 0) matchedKeys++;
  }
  return { keys, matchedKeys };
}

/** Adds each package's finding count to every asset holding it; assets with shared slots are then counted exactly. */
function fanOutCounts(state: FleetState): Uint32Array {
  const counts = new Uint32Array(Math.max(64, state.assetCapacity));
  const evaluated: VerdictLookup = (key) => key.verdicts!;
  for (const record of state.packageRecords()) {
    const n = countPackageFindings(state, record, evaluated);
    if (n === 0) continue;
    const holders = record.holders.values();
    for (let i = 0; i < holders.length; i++) {
      const asset = holders[i]!;
      counts[asset] = counts[asset]! + n;
    }
  }
  for (const asset of state.sharedSlotAssetIndices()) counts[asset] = countAssetFindings(state, asset, evaluated);
  return counts;
}
