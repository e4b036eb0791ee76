import { invalidInput } from '@patchloop/core';
import type { InventorySnapshot } from '@patchloop/core';
import type { ApplicationFormat, ApplicationParser } from './application-parser.js';
import { cycloneDxParser } from './cyclonedx/cyclonedx.parser.js';
import { npmLockParser } from './npm-lock/npm-lock.parser.js';
import { poetryLockParser } from './poetry-lock/poetry-lock.parser.js';
import { requirementsParser } from './requirements/requirements.parser.js';
import { spdxParser } from './spdx/spdx.parser.js';

/** Every application parser, by format. Add a format: a sibling folder and one line here. */
export const applicationParsers: Readonly<Record<ApplicationFormat, ApplicationParser>> = {
  cyclonedx: cycloneDxParser,
  spdx: spdxParser,
  'npm-lock': npmLockParser,
  'poetry-lock': poetryLockParser,
  requirements: requirementsParser,
};

/** Detection order: the most specific markers first, the loosest (requirements) last. */
const DETECTION_ORDER: readonly ApplicationFormat[] = ['cyclonedx', 'spdx', 'npm-lock', 'poetry-lock', 'requirements'];

/** The format a text looks like, or undefined when no parser recognises it. */
export function detectApplicationFormat(text: string, fileName?: string): ApplicationFormat | undefined {
  return DETECTION_ORDER.find((format) => applicationParsers[format].detect(text, fileName));
}

/**
 * Parses an SBOM or lockfile into a snapshot, detecting the format from the content (and file
 * name) unless `format` is given. Throws E_FORMAT_UNKNOWN when nothing matches.
 *
 * @example
 * const snapshot = parseApplicationFile(readFileSync('package-lock.json', 'utf8'), { file: 'package-lock.json' });
 */
export function parseApplicationFile(
  text: string,
  { file, format, assetName }: { file?: string; format?: ApplicationFormat; assetName?: string } = {},
): InventorySnapshot {
  const chosen = format ?? detectApplicationFormat(text, file);
  if (chosen === undefined) {
    const known = DETECTION_ORDER.join(', ');
    throw invalidInput('E_FORMAT_UNKNOWN', `not a recognised application inventory format (${known})`, { file });
  }
  return applicationParsers[chosen].parse(text, { file, assetName });
}
