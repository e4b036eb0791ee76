import { invalidInput } from '@patchloop/core';
import { isJsonObject } from '../vex-json.js';
import { E_CYCLONEDX_VEX_INVALID } from '../vex.errors.js';
import type { CdxAnalysisState, CdxDocument, CdxVulnerability } from './cyclonedx-vex.types.js';

export const CDX_ANALYSIS_STATES: readonly CdxAnalysisState[] = ['resolved', 'resolved_with_pedigree', 'exploitable', 'in_triage', 'false_positive', 'not_affected'];
const VERSION_STATUSES = ['affected', 'unaffected', 'unknown'];

const fail = (file: string, field: string, message: string): never => {
  throw invalidInput(E_CYCLONEDX_VEX_INVALID, message, { file, field });
};

const isOptionalString = (v: unknown): boolean => v === undefined || typeof v === 'string';

/** The envelope: a JSON object with bomFormat "CycloneDX", optional components and vulnerabilities arrays. */
export function checkCdxDocument(json: unknown, file: string): CdxDocument {
  if (!isJsonObject(json)) return fail(file, '/', 'not a CycloneDX document: the top level is not a JSON object');
  if (json['bomFormat'] !== 'CycloneDX') return fail(file, '/bomFormat', `not a CycloneDX document: bomFormat is ${JSON.stringify(json['bomFormat'] ?? null)}`);
  for (const key of ['components', 'vulnerabilities'] as const) {
    if (json[key] !== undefined && !Array.isArray(json[key])) fail(file, `/${key}`, `${key} must be an array`);
  }
  if (!isOptionalString(json['serialNumber'])) fail(file, '/serialNumber', 'serialNumber must be a string');
  if (json['version'] !== undefined && !Number.isInteger(json['version'])) fail(file, '/version', 'version must be an integer');
  return json as unknown as CdxDocument;
}

/** One vulnerability: an id, affects[] with a string ref each, and a known analysis.state when there is one. */
export function checkCdxVulnerability(value: unknown, pointer: string, file: string): CdxVulnerability {
  if (!isJsonObject(value)) return fail(file, pointer, 'a vulnerability must be an object');
  if (typeof value['id'] !== 'string' || value['id'].trim() === '') fail(file, `${pointer}/id`, 'a vulnerability needs an id');
  checkAnalysis(value['analysis'], `${pointer}/analysis`, file);
  const affects = value['affects'] ?? [];
  if (!Array.isArray(affects)) return fail(file, `${pointer}/affects`, 'affects must be an array');
  affects.forEach((a: unknown, i) => checkAffects(a, `${pointer}/affects/${i}`, file));
  return { ...value, affects } as unknown as CdxVulnerability;
}

function checkAnalysis(analysis: unknown, pointer: string, file: string): void {
  if (analysis === undefined) return;
  if (!isJsonObject(analysis)) return fail(file, pointer, 'analysis must be an object');
  const state = analysis['state'];
  if (state !== undefined && !(CDX_ANALYSIS_STATES as readonly unknown[]).includes(state)) {
    fail(file, `${pointer}/state`, `unknown analysis.state ${JSON.stringify(state)} (known: ${CDX_ANALYSIS_STATES.join(', ')})`);
  }
  for (const key of ['justification', 'detail', 'firstIssued', 'lastUpdated']) {
    if (!isOptionalString(analysis[key])) fail(file, `${pointer}/${key}`, `${key} must be a string`);
  }
}

function checkAffects(affects: unknown, pointer: string, file: string): void {
  if (!isJsonObject(affects) || typeof affects['ref'] !== 'string' || affects['ref'] === '') return fail(file, `${pointer}/ref`, 'an affects entry needs a ref');
  const versions = affects['versions'];
  if (versions === undefined) return;
  if (!Array.isArray(versions)) return fail(file, `${pointer}/versions`, 'versions must be an array');
  versions.forEach((v: unknown, i) => {
    const ok = isJsonObject(v) && isOptionalString(v['version']) && isOptionalString(v['range']) && (v['status'] === undefined || VERSION_STATUSES.includes(v['status'] as string));
    if (!ok) fail(file, `${pointer}/versions/${i}`, 'a version entry has a version or range string and a status of affected, unaffected or unknown');
  });
}
