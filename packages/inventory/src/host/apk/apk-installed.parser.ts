import { invalidInput } from '@patchloop/core';
import type { InstalledPackage } from '@patchloop/core';
import { osPackagePurl } from '../distro-purl.js';
import { parseTextWith } from '../package-db.js';
import type { PackageDbFormat, PackageDbLineParser, PackageDbParseOptions, PackageDbParseResult } from '../package-db.js';

/** Error code for a malformed /lib/apk/db/installed. */
export const E_APK_INSTALLED_INVALID = 'E_APK_INSTALLED_INVALID';

/** `X:value`: one letter, a colon, the value. */
const APK_LINE = /^([A-Za-z]):(.*)$/;

/** Letters this parser keeps: P name, V version, A arch, o origin (source package). Others (C, S, I, T, F, R, Z ...) are skipped. */
const KEPT_LETTERS: readonly string[] = ['P', 'V', 'A', 'o'];

interface ApkField {
  value: string;
  line: number;
}

/** One package block as read. */
interface ApkBlock {
  startLine: number;
  fields: Map<string, ApkField>;
}

/**
 * Parses apk-tools' installed database (/lib/apk/db/installed): blocks of `X:value` lines separated
 * by blank lines. The source package is the origin (`o:`), whose version is the package's own.
 *
 * @example
 * parseApkInstalled('P:musl\nV:1.2.4-r2\nA:x86_64\no:musl\n', { ecosystem: 'Alpine:v3.19' });
 */
export function parseApkInstalled(text: string, opts: PackageDbParseOptions): PackageDbParseResult {
  return parseTextWith(apkInstalledFormat, text, opts);
}

/** The apk installed-db format, for the package-database registry. */
export const apkInstalledFormat: PackageDbFormat = {
  kind: 'apk-installed',
  source: 'collector:apk',
  createParser: createApkInstalledParser,
};

/** A push parser for /lib/apk/db/installed; see PackageDbLineParser. */
export function createApkInstalledParser(opts: PackageDbParseOptions): PackageDbLineParser {
  const packages: InstalledPackage[] = [];
  let block: ApkBlock | undefined;
  let lineNo = 0;
  const flush = (): void => {
    if (block) packages.push(apkBlockToInstalledPackage(block, opts));
    block = undefined;
  };
  return {
    pushLine(line) {
      lineNo += 1;
      if (line.trim() === '') return flush();
      block ??= { startLine: lineNo, fields: new Map() };
      readApkLine(block, line, lineNo, opts);
    },
    finish() {
      flush();
      return { packages, skipped: [], warnings: [] };
    },
  };
}

function readApkLine(block: ApkBlock, line: string, lineNo: number, opts: PackageDbParseOptions): void {
  const m = APK_LINE.exec(line);
  if (!m) throw apkError(opts, lineNo, `expected "X:value" (one letter, a colon), got ${JSON.stringify(line.slice(0, 60))}`);
  const letter = m[1] ?? '';
  if (!KEPT_LETTERS.includes(letter)) return;
  if (block.fields.has(letter)) throw apkError(opts, lineNo, `duplicate "${letter}:" in one package block`);
  block.fields.set(letter, { value: m[2] ?? '', line: lineNo });
}

/** Named mapper: a block -> InstalledPackage; a block without P: or V: is an error naming its first line. */
function apkBlockToInstalledPackage(block: ApkBlock, opts: PackageDbParseOptions): InstalledPackage {
  const name = block.fields.get('P')?.value;
  const version = block.fields.get('V')?.value;
  if (!name) throw apkError(opts, block.startLine, 'package block starting here has no "P:" (name)');
  if (!version) throw apkError(opts, block.startLine, `package block for ${name} has no "V:" (version)`);
  const arch = block.fields.get('A')?.value || undefined;
  return {
    ecosystem: opts.ecosystem,
    name,
    version,
    sourceName: block.fields.get('o')?.value || name,
    sourceVersion: version,
    arch,
    purl: osPackagePurl('apk', opts.ecosystem, { name, version, arch }),
  };
}

function apkError(opts: PackageDbParseOptions, line: number, message: string): Error {
  return invalidInput(E_APK_INSTALLED_INVALID, message, { file: opts.file, line });
}
