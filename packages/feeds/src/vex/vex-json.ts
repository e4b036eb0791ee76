import { DomainError, invalidInput, type ErrorCode } from '@patchloop/core';
import { E_VEX_TOO_LARGE } from './vex.errors.js';

/** Largest VEX document accepted, in UTF-16 code units of the text (VEX files are small; 64 MiB is generous). */
export const MAX_VEX_TEXT_LENGTH = 64 * 1024 * 1024;

/**
 * JSON.parse with errors that name the file and the line (and column) where parsing stopped.
 *
 * @example
 * parseVexJson('{\n "a": 1,\n}', 'vex.json', 'E_OPENVEX_INVALID'); // throws "vex.json, line 3: not valid JSON (column 1): ..."
 */
export function parseVexJson(text: string, file: string, code: ErrorCode): unknown {
  if (text.length > MAX_VEX_TEXT_LENGTH) {
    throw new DomainError(E_VEX_TOO_LARGE, 'too_large', `VEX text of ${text.length} characters exceeds ${MAX_VEX_TEXT_LENGTH}`, { location: { file } });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    const { line, column } = jsonErrorPosition(text, (e as Error).message);
    throw invalidInput(code, `not valid JSON (column ${column}): ${(e as Error).message}`, { file, line }, e);
  }
}

/** Line and column (1-based) of a JSON.parse error: from "position N", "line L column C", or the end of the text. */
export function jsonErrorPosition(text: string, message: string): { line: number; column: number } {
  const lineCol = /line (\d+) column (\d+)/.exec(message);
  if (lineCol) return { line: Number(lineCol[1]), column: Number(lineCol[2]) };
  const position = /position (\d+)/.exec(message);
  const offset = position ? Math.min(Number(position[1]), text.length) : text.trimEnd().length;
  const before = text.slice(0, offset);
  const lastBreak = before.lastIndexOf('\n');
  return { line: before.split('\n').length, column: offset - lastBreak };
}

/** Narrowing helper for JSON of unknown shape. */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
