import type { InventorySnapshot } from '@patchloop/core';

/** The application inventory formats Patchloop reads. */
export type ApplicationFormat = 'cyclonedx' | 'spdx' | 'npm-lock' | 'requirements' | 'poetry-lock';

/** Options every application parser accepts. */
export interface ApplicationParseOptions {
  /** Path or name of the input, used in error locations and as a last-resort asset name. */
  file?: string;
  /** Asset name chosen by the caller; wins over the name found in the document. */
  assetName?: string;
}

/**
 * One application inventory format: an SBOM or a lockfile read into an InventorySnapshot.
 * Parsers are pure: they get the text, never open files.
 *
 * @example
 * const snapshot = cycloneDxParser.parse(text, { file: 'bom.json' });
 */
export interface ApplicationParser {
  readonly format: ApplicationFormat;
  /** Cheap content sniffing: true when this text looks like this format. */
  detect(text: string, fileName?: string): boolean;
  /** Parses the whole document or throws invalidInput naming file and line/field; never returns partial data. */
  parse(text: string, opts: ApplicationParseOptions): InventorySnapshot;
}
