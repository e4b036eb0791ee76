import { invalidInput } from '@patchloop/core';
import { E_EPSS_INVALID } from './epss.errors.js';
import { EPSS_COLUMNS, type EpssFileHeader } from './epss.types.js';

/**
 * Reads line 1, `#model_version:v2025.03.14,score_date:2025-04-15T12:55:00Z`. Both keys are
 * required and score_date must be a date-time; anything else is E_EPSS_INVALID at line 1.
 *
 * @example
 * parseEpssHeaderLine('#model_version:v2025.03.14,score_date:2025-04-15T12:55:00Z', 'x.csv');
 * // { modelVersion: 'v2025.03.14', scoreDate: '2025-04-15T12:55:00Z' }
 */
export function parseEpssHeaderLine(text: string | undefined, file: string): EpssFileHeader {
  if (text === undefined || !text.startsWith('#')) throw headerError(1, `expected "#model_version:...,score_date:..." but found ${quote(text)}`, file);
  const fields = new Map(text.slice(1).split(',').map((pair) => splitOnce(pair.trim(), ':')));
  const modelVersion = fields.get('model_version');
  const scoreDate = fields.get('score_date');
  if (!modelVersion) throw headerError(1, `no model_version in ${quote(text)}`, file);
  if (!scoreDate || !/^\d{4}-\d{2}-\d{2}(?:T|$)/.test(scoreDate) || Number.isNaN(Date.parse(scoreDate))) {
    throw headerError(1, `score_date missing or not a date in ${quote(text)}`, file);
  }
  return { modelVersion, scoreDate };
}

/** Line 2 must be exactly `cve,epss,percentile`. */
export function checkEpssColumnLine(text: string | undefined, file: string): void {
  if (text?.trim() !== EPSS_COLUMNS) throw headerError(2, `expected the header "${EPSS_COLUMNS}" but found ${quote(text)}`, file);
}

function splitOnce(pair: string, separator: string): [string, string] {
  const at = pair.indexOf(separator);
  return at < 0 ? [pair, ''] : [pair.slice(0, at), pair.slice(at + 1)];
}

function headerError(line: number, message: string, file: string): Error {
  return invalidInput(E_EPSS_INVALID, message, { file, line });
}

function quote(text: string | undefined): string {
  if (text === undefined) return 'end of file';
  return JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}...` : text);
}
