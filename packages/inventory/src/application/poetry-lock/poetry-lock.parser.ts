import { parse as parseToml, TomlError } from 'smol-toml';
import { invalidInput } from '@patchloop/core';
import type { InstalledPackage, InventorySnapshot } from '@patchloop/core';
import type { ApplicationParseOptions, ApplicationParser } from '../application-parser.js';
import { chooseAssetName } from '../shared/asset-name.js';
import { isJsonObject } from '../shared/json-object.js';
import { dedupePackages } from '../shared/package-set.js';
import { poetryPackageToPackage } from './poetry-lock.mapper.js';
import type { PoetryLock, PoetryLockPackage } from './poetry-lock.types.js';

const PACKAGE_HEADER = /^\[\[package\]\][ \t]*(?:#.*)?$/gm;

/**
 * poetry.lock files (TOML): every [[package]] becomes a PyPI package, dev groups included.
 * TOML syntax errors are E_TOML_INVALID with smol-toml's line; a [[package]] without a string
 * name or version is E_POETRY_LOCK_INVALID naming its line and field.
 *
 * @example
 * const { packages } = poetryLockParser.parse(text, { file: 'poetry.lock', assetName: 'backend' });
 */
export const poetryLockParser: ApplicationParser = {
  format: 'poetry-lock',
  detect(text: string, fileName?: string): boolean {
    if (fileName !== undefined && /(?:^|[/\\])poetry\.lock$/.test(fileName)) return true;
    return /^\[\[package\]\]/m.test(text) && /^name = "/m.test(text) && /^python-versions = /m.test(text);
  },
  parse(text: string, opts: ApplicationParseOptions): InventorySnapshot {
    const lines = packageHeaderLines(text);
    const lock = readPoetryLock(parseTomlText(text, opts.file), lines, opts.file);
    const packages: InstalledPackage[] = [];
    const warnings: string[] = [];
    lock.package.forEach((entry, i) => {
      const result = poetryPackageToPackage(entry, lines[i] ?? 0);
      if (result.pkg) packages.push(result.pkg);
      if (result.warning) warnings.push(result.warning);
    });
    const asset = { name: chooseAssetName(opts, undefined), kind: 'application' as const, source: 'lockfile:poetry' };
    return { asset, packages: dedupePackages(packages), warnings };
  },
};

function parseTomlText(text: string, file?: string): unknown {
  try {
    return parseToml(text);
  } catch (cause) {
    if (!(cause instanceof TomlError)) throw cause;
    const reason = cause.message.split('\n', 1)[0] ?? cause.message;
    throw invalidInput('E_TOML_INVALID', `${reason} (column ${cause.column})`, { file, line: cause.line }, cause);
  }
}

/** Line number (1-based) of each [[package]] header, in order: TOML values carry no positions. */
export function packageHeaderLines(text: string): number[] {
  const out: number[] = [];
  let line = 1;
  let last = 0;
  for (const m of text.matchAll(PACKAGE_HEADER)) {
    for (let i = text.indexOf('\n', last); i >= 0 && i < m.index; i = text.indexOf('\n', i + 1)) line += 1;
    last = m.index;
    out.push(line);
  }
  return out;
}

/** Checks that `package` is an array of tables with string name and version. */
function readPoetryLock(doc: unknown, lines: number[], file?: string): PoetryLock {
  const list = isJsonObject(doc) ? doc['package'] : undefined;
  if (!Array.isArray(list)) throw invalidInput('E_POETRY_LOCK_INVALID', 'no [[package]] tables', { file, field: 'package' });
  list.forEach((entry: unknown, i) => {
    for (const key of ['name', 'version'] as const) {
      if (!isJsonObject(entry) || typeof entry[key] !== 'string') {
        throw invalidInput('E_POETRY_LOCK_INVALID', `[[package]] #${i + 1} has no string ${key}`, { file, line: lines[i], field: `package[${i}].${key}` });
      }
    }
  });
  return { ...(doc as object), package: list as PoetryLockPackage[] };
}
