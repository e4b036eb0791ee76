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

/**
 * A field line as deb822 allows it: the name is printable US-ASCII except ":" and space (not
 * starting with "#" or "-", checked apart), the value anything but a line terminator up to the
 * line's end. Sticky, tested at the line's start in the whole text, not executed: the name ends
 * at the first ":" and only the kept fields' values are cut out.
 */
const FIELD_LINE = /[!-9;-~]+:.*(?=\n|$)/y;
const SOURCE_FIELD = /^(\S+)(?:\s+\((\S+)\))?$/;
/** A Source value that is a name alone (no space, no version): most of them. */
const SOURCE_NAME_ONLY = /^[!-~]+$/;

/** Fields the parser keeps; every other field (Description, Depends, Conffiles ...) is only syntax-checked. */
type KeptField = 'package' | 'version' | 'status' | 'architecture' | 'source';
const KEPT_FIELDS: ReadonlySet<string> = new Set<KeptField>(['package', 'version', 'status', 'architecture', 'source']);

interface Field {
  value: string;
  line: number;
}

/** One stanza as read: where it starts and the kept fields. */
interface DpkgStanza {
  startLine: number;
  /** Numbers the stanza for FieldName.shared.seenIn (duplicate fields). */
  serial: number;
  fields: Partial<Record<KeptField, Field>>;
}

/** A field name as written, and what every spelling of it shares: the kept field it is, the last stanza it was in. */
interface FieldName {
  readonly raw: string;
  readonly shared: { readonly lower: string; readonly kept: KeptField | undefined; seenIn: number };
}

/**
 * Field names as written, found where they lie in the text: a status file repeats a few dozen
 * names thousands of times, so a line's name is compared in place (by first character, length and
 * startsWith) rather than cut out, lower-cased and put in a set per stanza.
 */
class FieldNames {
  /** Known names by their first character code (names are printable US-ASCII). */
  private readonly byFirst: FieldName[][] = Array.from({ length: 128 }, () => []);

  /** The name text[start, colon). */
  find(text: string, start: number, colon: number): FieldName {
    const known = this.byFirst[text.charCodeAt(start)]!;
    for (const name of known) if (name.raw.length === colon - start && text.startsWith(name.raw, start)) return name;
    const raw = text.slice(start, colon);
    const lower = raw.toLowerCase();
    const sameLower = this.byFirst.flat().find((n) => n.shared.lower === lower);
    const name: FieldName = { raw, shared: sameLower?.shared ?? { lower, kept: KEPT_FIELDS.has(lower) ? (lower as KeptField) : undefined, seenIn: 0 } };
    known.push(name);
    return name;
  }
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

/** A push parser for dpkg status text; see PackageDbLineParser. Lines are read where they lie in the text (pushLineOf). */
export function createDpkgStatusParser(opts: PackageDbParseOptions): PackageDbLineParser {
  const packages: InstalledPackage[] = [];
  const skipped: SkippedPackage[] = [];
  const names = new FieldNames();
  let stanza: DpkgStanza | undefined;
  let lineNo = 0;
  let serial = 0;
  const flush = (): void => {
    if (stanza) collectStanza(stanza, opts, packages, skipped);
    stanza = undefined;
  };
  const pushLineOf = (text: string, start: number, end: number): void => {
    lineNo += 1;
    if (isBlank(text, start, end)) return flush();
    stanza ??= { startLine: lineNo, serial: ++serial, fields: {} };
    readStanzaLine(stanza, names, text, start, end, lineNo, opts);
  };
  return {
    pushLine: (line) => pushLineOf(line, 0, line.length),
    pushLineOf,
    finish() {
      flush();
      return { packages, skipped, warnings: warningsForSkipped('dpkg status', skipped) };
    },
  };
}

/** What String.prototype.trim() leaves empty; a printable first or second character decides most lines. */
function isBlank(text: string, start: number, end: number): boolean {
  if (start === end) return true;
  const c = text.charCodeAt(start);
  if (c > 0x20 && c < 0x7f) return false;
  if (isSpaceOrTab(c) && start + 1 < end) {
    const d = text.charCodeAt(start + 1);
    if (d > 0x20 && d < 0x7f) return false;
  }
  return text.slice(start, end).trim() === '';
}

/** Reads line `lineNo`, text[start, end) (followed by "\n" or the end of the text), into the stanza. */
function readStanzaLine(stanza: DpkgStanza, names: FieldNames, text: string, start: number, end: number, lineNo: number, opts: PackageDbParseOptions): void {
  const first = text.charCodeAt(start);
  if (first === 0x20 || first === 0x09) {
    if (lineNo === stanza.startLine) throw dpkgError(opts, lineNo, 'continuation line without a field before it');
    return;
  }
  FIELD_LINE.lastIndex = start;
  if (first === 0x23 || first === 0x2d || !FIELD_LINE.test(text)) {
    throw dpkgError(opts, lineNo, `expected "Field: value" or a continuation line, got ${JSON.stringify(text.slice(start, end).slice(0, 60))}`);
  }
  const colon = text.indexOf(':', start);
  const name = names.find(text, start, colon);
  const { shared } = name;
  if (shared.seenIn === stanza.serial) throw dpkgError(opts, lineNo, `duplicate field "${name.raw}" in one stanza`);
  shared.seenIn = stanza.serial;
  if (shared.kept !== undefined) stanza.fields[shared.kept] = { value: fieldValue(text, colon + 1, end), line: lineNo };
}

/** text[from, to) without the spaces and tabs around it. */
function fieldValue(text: string, from: number, to: number): string {
  let start = from;
  let end = to;
  while (start < end && isSpaceOrTab(text.charCodeAt(start))) start++;
  while (end > start && isSpaceOrTab(text.charCodeAt(end - 1))) end--;
  return text.slice(start, end);
}

function isSpaceOrTab(c: number): boolean {
  return c === 0x20 || c === 0x09;
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
  const arch = stanza.fields.architecture?.value || undefined;
  const source = parseSourceField(stanza.fields.source, name, version, opts);
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
  if (SOURCE_NAME_ONLY.test(field.value)) return { name: field.value, version };
  const m = SOURCE_FIELD.exec(field.value);
  if (!m) throw dpkgError(opts, field.line, `Source must be "name" or "name (version)", got ${JSON.stringify(field.value)}`);
  return { name: m[1] ?? name, version: m[2] ?? version };
}

/** Parses and checks the Status triple, e.g. "install ok installed". */
function parseDpkgStatusField(field: Field, opts: PackageDbParseOptions): DpkgStatus {
  if (field.value === 'install ok installed') return INSTALLED;
  const words = field.value.split(/\s+/);
  const [want = '', eflag = '', state = ''] = words;
  if (words.length !== 3 || !WANTS.includes(want) || !EFLAGS.includes(eflag) || !STATES.includes(state)) {
    throw dpkgError(opts, field.line, `Status must be "<want> <flag> <state>" (e.g. "install ok installed"), got ${JSON.stringify(field.value)}`);
  }
  return { want, eflag, state } as DpkgStatus;
}

const INSTALLED: DpkgStatus = { want: 'install', eflag: 'ok', state: 'installed' };

function formatDpkgStatus(s: DpkgStatus): string {
  return `${s.want} ${s.eflag} ${s.state}`;
}

function requireField(stanza: DpkgStanza, key: KeptField, label: string, opts: PackageDbParseOptions): Field {
  const field = stanza.fields[key];
  if (!field || field.value === '') throw dpkgError(opts, stanza.startLine, `stanza starting here has no ${label} field`);
  return field;
}

function dpkgError(opts: PackageDbParseOptions, line: number, message: string): Error {
  return invalidInput(E_DPKG_STATUS_INVALID, message, { file: opts.file, line });
}
