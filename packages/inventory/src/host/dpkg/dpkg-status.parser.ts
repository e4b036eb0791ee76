import { invalidInput } from '@patchloop/core';
import type { InstalledPackage } from '@patchloop/core';
import { osPackagePurl } from '../distro-purl.js';
import { parseTextWith, warningsForSkipped } from '../package-db.js';
import type { PackageDbFormat, PackageDbLineParser, PackageDbParseOptions, PackageDbParseResult, SkippedPackage } from '../package-db.js';

/** Error code for a malformed dpkg status file. */
export const E_DPKG_STATUS_INVALID = 'E_DPKG_STATUS_INVALID';

/** The dpkg `Status:` triple: selection (want), error flag, installation state. */
export interface DpkgStatus {
  want: 'unknown' | 'install' | 'hold' | 'deinstall' | 'purge';
  eflag: 'ok' | 'reinstreq';
  state: 'not-installed' | 'config-files' | 'half-installed' | 'unpacked' | 'half-configured' | 'triggers-awaited' | 'triggers-pending' | 'installed';
}

const WANTS: readonly string[] = ['unknown', 'install', 'hold', 'deinstall', 'purge'];
const EFLAGS: readonly string[] = ['ok', 'reinstreq'];
const STATES: readonly string[] = ['not-installed', 'config-files', 'half-installed', 'unpacked', 'half-configured', 'triggers-awaited', 'triggers-pending', 'installed'];

/** Fields the parser keeps; every other field (Description, Depends, Conffiles ...) is only syntax-checked. */
const KEPT_FIELDS: readonly string[] = ['package', 'version', 'status', 'architecture', 'source'];

/** deb822 field name: printable US-ASCII except ":" and space, not starting with "#" or "-". */
const FIELD_LINE = /^([!-9;-~]+):[ \t]*(.*?)[ \t]*$/;
const SOURCE_FIELD = /^(\S+)(?:\s+\((\S+)\))?$/;

interface Field {
  value: string;
  line: number;
}

/** One stanza as read: where it starts and the kept fields (lower-cased names). */
interface DpkgStanza {
  startLine: number;
  seen: Set<string>;
  fields: Map<string, Field>;
}

/**
 * Parses /var/lib/dpkg/status. A package counts as installed when its state is `installed`
 * with error flag `ok`, whatever its selection (`ii`, `hi` held, `ri` selected for removal):
 * its files are on disk. Other stanzas (`rc`, `iF`, `iU` ...) are returned in `skipped`.
 *
 * @example
 * const { packages, warnings } = parseDpkgStatus(text, { ecosystem: 'Debian:12', file: '/var/lib/dpkg/status' });
 */
export function parseDpkgStatus(text: string, opts: PackageDbParseOptions): PackageDbParseResult {
  return parseTextWith(dpkgStatusFormat, text, opts);
}

/** The dpkg status format, for the package-database registry. */
export const dpkgStatusFormat: PackageDbFormat = {
  kind: 'dpkg-status',
  source: 'collector:dpkg',
  createParser: createDpkgStatusParser,
};

/** A push parser for dpkg status text; see PackageDbLineParser. */
export function createDpkgStatusParser(opts: PackageDbParseOptions): PackageDbLineParser {
  const packages: InstalledPackage[] = [];
  const skipped: SkippedPackage[] = [];
  let stanza: DpkgStanza | undefined;
  let lineNo = 0;
  const flush = (): void => {
    if (stanza) collectStanza(stanza, opts, packages, skipped);
    stanza = undefined;
  };
  return {
    pushLine(line) {
      lineNo += 1;
      if (line.trim() === '') return flush();
      stanza ??= { startLine: lineNo, seen: new Set(), fields: new Map() };
      readStanzaLine(stanza, line, lineNo, opts);
    },
    finish() {
      flush();
      return { packages, skipped, warnings: warningsForSkipped('dpkg status', skipped) };
    },
  };
}

function readStanzaLine(stanza: DpkgStanza, line: string, lineNo: number, opts: PackageDbParseOptions): void {
  if (line.startsWith(' ') || line.startsWith('\t')) {
    if (lineNo === stanza.startLine) throw dpkgError(opts, lineNo, 'continuation line without a field before it');
    return;
  }
  const m = FIELD_LINE.exec(line);
  if (!m || line.startsWith('#') || line.startsWith('-')) {
    throw dpkgError(opts, lineNo, `expected "Field: value" or a continuation line, got ${JSON.stringify(line.slice(0, 60))}`);
  }
  const name = (m[1] ?? '').toLowerCase();
  if (stanza.seen.has(name)) throw dpkgError(opts, lineNo, `duplicate field "${m[1]}" in one stanza`);
  stanza.seen.add(name);
  if (KEPT_FIELDS.includes(name)) stanza.fields.set(name, { value: m[2] ?? '', line: lineNo });
}

function collectStanza(stanza: DpkgStanza, opts: PackageDbParseOptions, packages: InstalledPackage[], skipped: SkippedPackage[]): void {
  const name = requireField(stanza, 'package', 'Package', opts).value;
  const statusField = requireField(stanza, 'status', 'Status', opts);
  const status = parseDpkgStatusField(statusField, opts);
  if (status.state === 'not-installed') {
    skipped.push({ name, line: stanza.startLine, reason: formatDpkgStatus(status) });
    return;
  }
  const version = requireField(stanza, 'version', 'Version', opts).value;
  if (status.state !== 'installed' || status.eflag !== 'ok') {
    skipped.push({ name, line: stanza.startLine, reason: formatDpkgStatus(status) });
    return;
  }
  packages.push(stanzaToInstalledPackage(stanza, name, version, opts));
}

/** Named mapper: an installed stanza -> InstalledPackage (source defaults to the binary, as dpkg-query's source:Package does). */
function stanzaToInstalledPackage(stanza: DpkgStanza, name: string, version: string, opts: PackageDbParseOptions): InstalledPackage {
  const arch = stanza.fields.get('architecture')?.value || undefined;
  const source = parseSourceField(stanza.fields.get('source'), name, version, opts);
  return {
    ecosystem: opts.ecosystem,
    name,
    version,
    sourceName: source.name,
    sourceVersion: source.version,
    arch,
    purl: osPackagePurl('deb', opts.ecosystem, { name, version, arch }),
  };
}

/** "openssl" -> { openssl, binary version }; "glibc (2.36-9+deb12u4)" -> { glibc, 2.36-9+deb12u4 } (binNMU). */
function parseSourceField(field: Field | undefined, name: string, version: string, opts: PackageDbParseOptions): { name: string; version: string } {
  if (!field) return { name, version };
  const m = SOURCE_FIELD.exec(field.value);
  if (!m) throw dpkgError(opts, field.line, `Source must be "name" or "name (version)", got ${JSON.stringify(field.value)}`);
  return { name: m[1] ?? name, version: m[2] ?? version };
}

/** Parses and checks the Status triple, e.g. "install ok installed". */
function parseDpkgStatusField(field: Field, opts: PackageDbParseOptions): DpkgStatus {
  const words = field.value.split(/\s+/);
  const [want = '', eflag = '', state = ''] = words;
  if (words.length !== 3 || !WANTS.includes(want) || !EFLAGS.includes(eflag) || !STATES.includes(state)) {
    throw dpkgError(opts, field.line, `Status must be "<want> <flag> <state>" (e.g. "install ok installed"), got ${JSON.stringify(field.value)}`);
  }
  return { want, eflag, state } as DpkgStatus;
}

function formatDpkgStatus(s: DpkgStatus): string {
  return `${s.want} ${s.eflag} ${s.state}`;
}

function requireField(stanza: DpkgStanza, key: string, label: string, opts: PackageDbParseOptions): Field {
  const field = stanza.fields.get(key);
  if (!field || field.value === '') throw dpkgError(opts, stanza.startLine, `stanza starting here has no ${label} field`);
  return field;
}

function dpkgError(opts: PackageDbParseOptions, line: number, message: string): Error {
  return invalidInput(E_DPKG_STATUS_INVALID, message, { file: opts.file, line });
}
