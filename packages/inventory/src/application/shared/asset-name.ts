import { invalidInput } from '@patchloop/core';
import type { ApplicationParseOptions } from '../application-parser.js';

/**
 * The asset name of a snapshot: the caller's assetName, else the name the document gives,
 * else the file name. Throws E_ASSET_NAME_MISSING when there is none of the three.
 */
export function chooseAssetName(opts: ApplicationParseOptions, fromDocument: string | undefined): string {
  const name = [opts.assetName, fromDocument, opts.file].find((n) => n !== undefined && n.trim() !== '');
  if (name === undefined) {
    throw invalidInput('E_ASSET_NAME_MISSING', 'the document names no asset: pass assetName or file', { file: opts.file });
  }
  return name;
}
