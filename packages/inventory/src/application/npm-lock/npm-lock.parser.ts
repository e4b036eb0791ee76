import { invalidInput } from '@patchloop/core';
import type { InstalledPackage, InventorySnapshot } from '@patchloop/core';
import type { ApplicationParseOptions, ApplicationParser } from '../application-parser.js';
import { chooseAssetName } from '../shared/asset-name.js';
import { isJsonObject, textHead } from '../shared/json-object.js';
import { parseJsonText } from '../shared/json-text.js';
import { dedupePackages } from '../shared/package-set.js';
import { npmLockPackageToPackage, npmLockV1DependencyToPackage } from './npm-lock.mapper.js';
import type { NpmEntryResult } from './npm-lock.mapper.js';
import type { NpmLockfile, NpmLockV1Dependency } from './npm-lock.types.js';

const LOCKFILE_VERSION = /"lockfileVersion"\s*:\s*\d/;
const LOCKFILE_NAMES = /(?:^|[/\\])(?:package-lock|npm-shrinkwrap)\.json$/;

/**
 * npm package-lock.json / npm-shrinkwrap.json, lockfileVersion 1, 2 and 3. v2/v3 are read from
 * the `packages` map, v1 from the `dependencies` tree. Every installed copy is listed, dev and
 * optional ones included; exact repeats (one version at several paths) are listed once.
 *
 * @example
 * const { packages } = npmLockParser.parse(text, { file: 'package-lock.json' });
 */
export const npmLockParser: ApplicationParser = {
  format: 'npm-lock',
  detect(text: string, fileName?: string): boolean {
    if (!textHead(text, 1).startsWith('{')) return false;
    return (fileName !== undefined && LOCKFILE_NAMES.test(fileName)) || LOCKFILE_VERSION.test(textHead(text));
  },
  parse(text: string, opts: ApplicationParseOptions): InventorySnapshot {
    const lock = readLockfile(parseJsonText(text, opts.file), opts.file);
    const results = lock.lockfileVersion === 1 ? listV1Entries(lock.dependencies ?? {}, '') : listV2Entries(lock);
    const packages: InstalledPackage[] = [];
    const warnings: string[] = [];
    for (const r of results) {
      if (r === undefined) continue;
      if ('pkg' in r) packages.push(r.pkg);
      else warnings.push(r.skipped);
    }
    const asset = { name: chooseAssetName(opts, lock.name), kind: 'application' as const, source: 'lockfile:npm' };
    return { asset, packages: dedupePackages(packages), warnings };
  },
};

/** Checks the shape the mapper relies on; throws E_LOCKFILE_INVALID / E_LOCKFILE_UNSUPPORTED naming the field. */
function readLockfile(doc: unknown, file?: string): NpmLockfile {
  if (!isJsonObject(doc)) throw invalidInput('E_LOCKFILE_INVALID', 'a package-lock.json is a JSON object', { file, field: '/' });
  const version = doc['lockfileVersion'];
  if (version !== 1 && version !== 2 && version !== 3) {
    throw invalidInput('E_LOCKFILE_UNSUPPORTED', `lockfileVersion ${JSON.stringify(version)} is not supported (1, 2, 3)`, { file, field: '/lockfileVersion' });
  }
  const tree = version === 1 ? 'dependencies' : 'packages';
  if (!isJsonObject(doc[tree]) || !Object.values(doc[tree]).every(isJsonObject)) {
    throw invalidInput('E_LOCKFILE_INVALID', `lockfileVersion ${version} needs a "${tree}" object of objects`, { file, field: `/${tree}` });
  }
  return doc as unknown as NpmLockfile;
}

function listV2Entries(lock: NpmLockfile): NpmEntryResult[] {
  return Object.entries(lock.packages ?? {}).map(([path, entry]) => npmLockPackageToPackage(path, entry));
}

/** Walks the v1 tree depth first; `path` is the chain of names, as in "a > b". */
function listV1Entries(deps: Record<string, NpmLockV1Dependency>, parent: string): NpmEntryResult[] {
  return Object.entries(deps).flatMap(([name, dep]) => {
    const path = parent === '' ? name : `${parent} > ${name}`;
    return [npmLockV1DependencyToPackage(path, name, dep), ...listV1Entries(dep.dependencies ?? {}, path)];
  });
}
