import { invalidInput } from '@patchloop/core';
import type { OsInfo } from '@patchloop/core';
import { linesOf } from '../package-db.js';

/** Error code for a malformed os-release file. */
export const E_OS_RELEASE_INVALID = 'E_OS_RELEASE_INVALID';

/** os-release variables as read, e.g. { ID: "debian", VERSION_ID: "12" }. */
export type OsReleaseFields = Record<string, string>;

const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/;
/** Characters a backslash escapes inside double quotes (os-release(5) follows the shell). */
const DQUOTE_ESCAPABLE = '"\\`$';

/** os-release IDs that name a family themselves; ID_LIKE is searched for these. */
const KNOWN_FAMILIES: readonly string[] = ['debian', 'ubuntu', 'rhel', 'fedora', 'alpine', 'suse', 'arch'];

/**
 * Debian codenames -> release numbers. Testing and unstable ship an os-release without
 * VERSION_ID (sid's is the same file as testing's), so they are tracked as the release
 * they are becoming: "trixie/sid" -> "Debian:13". Advisories for testing are filed against
 * that codename, so this is the closest OSV ecosystem.
 */
export const DEBIAN_RELEASE_BY_CODENAME: Readonly<Record<string, string>> = {
  buster: '10',
  bullseye: '11',
  bookworm: '12',
  trixie: '13',
  forky: '14',
  duke: '15',
};

/**
 * Parses /etc/os-release: `KEY=value` lines, values unquoted or in shell-style single or double
 * quotes, `#` comments and blank lines ignored. Throws E_OS_RELEASE_INVALID naming the line.
 *
 * @example
 * parseOsRelease('ID=debian\nVERSION_ID="12"\n'); // { ID: 'debian', VERSION_ID: '12' }
 */
export function parseOsRelease(text: string, opts: { file?: string } = {}): OsReleaseFields {
  const fields: OsReleaseFields = {};
  let lineNo = 0;
  for (const raw of linesOf(text)) {
    lineNo += 1;
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const m = ASSIGNMENT.exec(line);
    if (!m) throw osReleaseError(opts.file, lineNo, `expected KEY=value, got ${JSON.stringify(line.slice(0, 60))}`);
    fields[m[1] ?? ''] = unquoteShellValue(m[2] ?? '', (msg) => osReleaseError(opts.file, lineNo, msg));
  }
  return fields;
}

/** Unquotes a shell-like value: concatenated unquoted, 'single' and "double" parts; stops at unquoted whitespace. */
function unquoteShellValue(raw: string, fail: (message: string) => Error): string {
  let out = '';
  let i = 0;
  while (i < raw.length) {
    const c = raw[i] ?? '';
    if (/\s/.test(c)) return checkTrailing(raw.slice(i), out, fail);
    const part = c === '"' ? readDoubleQuoted(raw, i, fail) : c === "'" ? readSingleQuoted(raw, i, fail) : readUnquoted(raw, i);
    out += part.text;
    i = part.next;
  }
  return out;
}

/** A decoded piece of a value and the index just after it. */
interface ValuePart {
  text: string;
  next: number;
}

function readUnquoted(raw: string, i: number): ValuePart {
  if (raw[i] === '\\') return { text: raw[i + 1] ?? '', next: i + 2 };
  return { text: raw[i] ?? '', next: i + 1 };
}

function readSingleQuoted(raw: string, start: number, fail: (message: string) => Error): ValuePart {
  const end = raw.indexOf("'", start + 1);
  if (end < 0) throw fail('unterminated single quote');
  return { text: raw.slice(start + 1, end), next: end + 1 };
}

function readDoubleQuoted(raw: string, start: number, fail: (message: string) => Error): ValuePart {
  let text = '';
  for (let i = start + 1; i < raw.length; i += 1) {
    if (raw[i] === '"') return { text, next: i + 1 };
    if (raw[i] === '\\' && DQUOTE_ESCAPABLE.includes(raw[i + 1] ?? '')) i += 1;
    text += raw[i] ?? '';
  }
  throw fail('unterminated double quote');
}

function checkTrailing(rest: string, value: string, fail: (message: string) => Error): string {
  const trimmed = rest.trim();
  if (trimmed !== '' && !trimmed.startsWith('#')) throw fail('unquoted whitespace in a value (quote it)');
  return value;
}

/**
 * Named mapper: os-release fields -> OsInfo. `family` is ID when it is a known family, else the
 * first known family in ID_LIKE (rocky -> rhel, linuxmint -> ubuntu), else the first ID_LIKE word.
 */
export function osReleaseToOsInfo(fields: OsReleaseFields): OsInfo {
  const id = (fields.ID ?? 'linux').toLowerCase();
  const like = (fields.ID_LIKE ?? '').toLowerCase().split(/\s+/).filter((w) => w !== '');
  const family = KNOWN_FAMILIES.includes(id) ? id : (like.find((w) => KNOWN_FAMILIES.includes(w)) ?? like[0] ?? id);
  return {
    family,
    id,
    name: fields.NAME ?? 'Linux',
    version: fields.VERSION_ID,
    codename: fields.VERSION_CODENAME ?? fields.UBUNTU_CODENAME,
  };
}

/** Parses os-release text straight to OsInfo. */
export function parseOsInfo(text: string, opts: { file?: string } = {}): OsInfo {
  return osReleaseToOsInfo(parseOsRelease(text, opts));
}

type EcosystemNamer = (os: OsInfo) => string | undefined;

const major = (v: string | undefined): string | undefined => /^(\d+)/.exec(v ?? '')?.[1];
const majorMinor = (v: string | undefined): string | undefined => /^(\d+\.\d+)/.exec(v ?? '')?.[1];
const prefixed = (prefix: string, part: string | undefined): string | undefined => (part === undefined ? undefined : `${prefix}${part}`);

/** One namer per os-release ID (registry map; add a distro by adding a line). */
const ecosystemNamers: Record<string, EcosystemNamer> = {
  debian: (os) => prefixed('Debian:', major(os.version) ?? DEBIAN_RELEASE_BY_CODENAME[os.codename ?? '']),
  ubuntu: (os) => prefixed('Ubuntu:', majorMinor(os.version)),
  alpine: (os) => prefixed('Alpine:v', majorMinor(os.version)),
  rhel: (os) => prefixed('Red Hat:', major(os.version)),
  rocky: (os) => prefixed('Rocky Linux:', major(os.version)),
  almalinux: (os) => prefixed('AlmaLinux:', major(os.version)),
};

/**
 * The OSV ecosystem of an OS: "Debian:12", "Ubuntu:22.04", "Alpine:v3.19", "Red Hat:9",
 * "Rocky Linux:9", "AlmaLinux:9". Undefined for an OS Patchloop has no ecosystem for, or
 * when the version needed is missing.
 */
export function ecosystemForOs(os: OsInfo): string | undefined {
  const namer = ecosystemNamers[os.id ?? os.family];
  return namer?.(os);
}

function osReleaseError(file: string | undefined, line: number, message: string): Error {
  return invalidInput(E_OS_RELEASE_INVALID, message, { file, line });
}
