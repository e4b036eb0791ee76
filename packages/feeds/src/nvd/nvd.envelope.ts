import { invalidInput } from '@patchloop/core';
import type { FeedRejection } from '../feed-format.js';
import { isRecord } from '../shared/intel-record.js';
import { E_NVD_INVALID } from './nvd.errors.js';
import type { NvdCveResponse } from './nvd.types.js';

/**
 * Checks the envelope of a CVE API 2.0 response: the fields must exist with the right types
 * (else E_NVD_INVALID), and the counts must agree with each other and with the page. A page
 * whose counts disagree still carries valid CVEs, so that is returned as a rejection value:
 * the sync that fetched it decides (strict refuses it).
 */
export function checkNvdEnvelope(json: unknown, file: string): { page: NvdCveResponse; inconsistency?: FeedRejection } {
  const page = requireNvdResponse(json, file);
  const problems = listEnvelopeInconsistencies(page);
  if (problems.length === 0) return { page };
  return { page, inconsistency: { location: `${file}#/totalResults`, reason: `page envelope inconsistent: ${problems.join('; ')}` } };
}

function requireNvdResponse(json: unknown, file: string): NvdCveResponse {
  if (!isRecord(json)) throw invalidInput(E_NVD_INVALID, 'not a JSON object', { file });
  if (json.format !== 'NVD_CVE') throw invalidInput(E_NVD_INVALID, `format ${JSON.stringify(json.format)}, expected "NVD_CVE"`, { file, field: 'format' });
  if (json.version !== '2.0') throw invalidInput(E_NVD_INVALID, `version ${JSON.stringify(json.version)}, expected "2.0"`, { file, field: 'version' });
  for (const field of ['resultsPerPage', 'startIndex', 'totalResults'] as const) {
    const value = json[field];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw invalidInput(E_NVD_INVALID, `${field} ${JSON.stringify(value)} is not a count`, { file, field });
  }
  if (!Array.isArray(json.vulnerabilities)) throw invalidInput(E_NVD_INVALID, 'no vulnerabilities array', { file, field: 'vulnerabilities' });
  return json as unknown as NvdCveResponse;
}

/**
 * The API's rules: a page carries resultsPerPage CVEs, starting at startIndex of totalResults.
 * The last page carries the remainder, so resultsPerPage = min(asked, totalResults - startIndex).
 */
export function listEnvelopeInconsistencies({ resultsPerPage, startIndex, totalResults, vulnerabilities }: Pick<NvdCveResponse, 'resultsPerPage' | 'startIndex' | 'totalResults' | 'vulnerabilities'>): string[] {
  const problems: string[] = [];
  if (vulnerabilities.length !== resultsPerPage) problems.push(`resultsPerPage ${resultsPerPage} but ${vulnerabilities.length} vulnerabilities`);
  if (startIndex + vulnerabilities.length > totalResults) problems.push(`startIndex ${startIndex} + ${vulnerabilities.length} vulnerabilities exceeds totalResults ${totalResults}`);
  if (totalResults > 0 && startIndex >= totalResults) problems.push(`startIndex ${startIndex} is past totalResults ${totalResults}`);
  return problems;
}
