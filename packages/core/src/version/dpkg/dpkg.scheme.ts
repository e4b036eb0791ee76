import { invalidInput } from '../../errors/domain-error.js';
import { defineScheme, sign, type Ordering, type VersionScheme } from '../version-scheme.js';

/**
 * A Debian version `[epoch:]upstream[-revision]`, split the way dpkg's parseversion
 * (lib/dpkg/parsehelp.c) splits it: the epoch ends at the first colon, the revision starts
 * after the last hyphen. `revision` is '' when there is none.
 */
export interface DpkgVersion {
  readonly epoch: number;
  readonly upstream: string;
  readonly revision: string;
}

const INT_MAX = 2147483647;
const CH_0 = 48;
const CH_9 = 57;
const CH_TILDE = 126;

function isDigit(c: number): boolean {
  return c >= CH_0 && c <= CH_9;
}

function isAlpha(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** c_isblank: what dpkg trims around a version. */
function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}

/** C isspace: what strtol skips before the epoch digits. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

function fail(version: string, what: string): never {
  throw invalidInput('E_VERSION_INVALID', `dpkg version "${version}": ${what}`);
}

/**
 * Where the parts of a version lie in its string: upstream is `[upStart, upEnd)`, revision
 * `[revStart, end)` (empty when there is none). Lets compare() work without slicing.
 */
interface DpkgBounds {
  epoch: number;
  upStart: number;
  upEnd: number;
  revStart: number;
  end: number;
}

/** Skips leading blanks like parseversion; returns where the version starts. */
function skipBlanks(version: string): number {
  let start = 0;
  while (start < version.length && isBlank(version.charCodeAt(start))) start++;
  if (start === version.length) fail(version, 'version string is empty');
  return start;
}

/** Where the version ends: at the first blank, which may only be followed by blanks. */
function findEnd(version: string, start: number): number {
  let end = start;
  while (end < version.length && !isBlank(version.charCodeAt(end))) end++;
  for (let i = end; i < version.length; i++) {
    if (!isBlank(version.charCodeAt(i))) fail(version, 'version string has embedded spaces');
  }
  return end;
}

/** The epoch in `[start, colon)`, read like dpkg's strtol(): optional space and sign, then digits. */
function parseEpoch(version: string, start: number, colon: number): number {
  let i = start;
  while (i < colon && isSpace(version.charCodeAt(i))) i++;
  const negative = version.charCodeAt(i) === 45;
  if (negative || version.charCodeAt(i) === 43) i++;
  const digitsStart = i;
  let epoch = 0;
  while (isDigit(version.charCodeAt(i))) epoch = epoch * 10 + version.charCodeAt(i++) - CH_0;
  if (i === digitsStart) fail(version, 'epoch in version is empty');
  if (i !== colon) fail(version, 'epoch in version is not number');
  if (negative && epoch !== 0) fail(version, 'epoch in version is negative');
  if (epoch > INT_MAX) fail(version, 'epoch in version is too big');
  return epoch;
}

/** Character classes for the validity check: bit 1 allowed in upstream, bit 2 in the revision. */
const UPSTREAM = 1;
const REVISION = 2;
const ALLOWED = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  const alnum = isDigit(c) || isAlpha(c);
  ALLOWED[c] = (alnum || '.-+~:'.includes(ch) ? UPSTREAM : 0) | (alnum || '.+~'.includes(ch) ? REVISION : 0);
}

/**
 * Checks `[from, to)` like parseversion: characters outside dpkg's set for the part are an
 * error. (dpkg only warns about an upstream part that does not start with a digit, and
 * `dpkg --compare-versions` goes on comparing, so we accept that.)
 */
function checkCharacters(version: string, from: number, to: number, mask: number): void {
  for (let i = from; i < to; i++) {
    const c = version.charCodeAt(i);
    if (c < 128 && (ALLOWED[c]! & mask) !== 0) continue;
    fail(version, `invalid character "${version[i]}" in ${mask === UPSTREAM ? 'version' : 'revision'} number`);
  }
}

/** Splits and validates a version exactly as dpkg's parseversion does, without slicing. */
function scanDpkgVersion(version: string): DpkgBounds {
  const start = skipBlanks(version);
  const end = findEnd(version, start);
  const colon = version.indexOf(':', start);
  let epoch = 0;
  let upStart = start;
  if (colon >= 0 && colon < end) {
    epoch = parseEpoch(version, start, colon);
    if (colon === end - 1) fail(version, 'nothing after colon in version number');
    upStart = colon + 1;
  }
  const hyphen = version.lastIndexOf('-', end - 1);
  const hasRevision = hyphen >= upStart;
  if (hasRevision && hyphen === end - 1) fail(version, 'revision number is empty');
  const upEnd = hasRevision ? hyphen : end;
  const revStart = hasRevision ? hyphen + 1 : end;
  if (upEnd === upStart) fail(version, 'upstream version is empty');
  checkCharacters(version, upStart, upEnd, UPSTREAM);
  checkCharacters(version, revStart, end, REVISION);
  return { epoch, upStart, upEnd, revStart, end };
}

/**
 * Parses a Debian version exactly as dpkg's parseversion does (surrounding blanks trimmed,
 * epoch read like strtol, revision after the last hyphen).
 * @throws DomainError E_VERSION_INVALID naming the version and what is wrong.
 * @example parseDpkgVersion('1:2.36-9+deb12u4') // { epoch: 1, upstream: '2.36', revision: '9+deb12u4' }
 */
export function parseDpkgVersion(version: string): DpkgVersion {
  const b = scanDpkgVersion(version);
  return { epoch: b.epoch, upstream: version.slice(b.upStart, b.upEnd), revision: version.slice(b.revStart, b.end) };
}

/**
 * Prints a parsed version back. The epoch is written when it is not 0, or when the upstream
 * part holds a colon (which only parses back behind an explicit epoch).
 * @example formatDpkgVersion({ epoch: 0, upstream: '1.0', revision: '1' }) // '1.0-1'
 */
export function formatDpkgVersion(v: DpkgVersion): string {
  const epoch = v.epoch !== 0 || v.upstream.includes(':') ? `${v.epoch}:` : '';
  const revision = v.revision === '' ? '' : `-${v.revision}`;
  return `${epoch}${v.upstream}${revision}`;
}

/** dpkg's order(): digits 0, letters their code, `~` before everything, other chars after letters. */
function order(c: number): number {
  if (isDigit(c)) return 0;
  if (isAlpha(c)) return c;
  if (c === CH_TILDE) return -1;
  if (c) return c + 256;
  return 0;
}

/** The char code at `i`, or 0 at or past `end` (C's terminating NUL). */
function at(s: string, i: number, end: number): number {
  return i < end ? s.charCodeAt(i) : 0;
}

/** verrevcmp on `a[i, ae)` and `b[j, be)`: non-digit runs by {@link order}, digit runs as numbers. */
function compareRanges(a: string, i: number, ae: number, b: string, j: number, be: number): Ordering {
  while (i < ae || j < be) {
    let ac = at(a, i, ae);
    let bc = at(b, j, be);
    while ((ac && !isDigit(ac)) || (bc && !isDigit(bc))) {
      if (ac !== bc && order(ac) !== order(bc)) return sign(order(ac) - order(bc));
      ac = at(a, ++i, ae);
      bc = at(b, ++j, be);
    }
    while (at(a, i, ae) === CH_0) i++;
    while (at(b, j, be) === CH_0) j++;
    let firstDiff = 0;
    while (isDigit(at(a, i, ae)) && isDigit(at(b, j, be))) {
      if (!firstDiff) firstDiff = a.charCodeAt(i) - b.charCodeAt(j);
      i++;
      j++;
    }
    if (isDigit(at(a, i, ae))) return 1;
    if (isDigit(at(b, j, be))) return -1;
    if (firstDiff) return sign(firstDiff);
  }
  return 0;
}

/**
 * dpkg's verrevcmp on one part (upstream or revision): alternating non-digit runs, compared
 * char by char with {@link order}, and digit runs, compared as numbers of any length.
 * @example compareDpkgFragment('1.0~rc1', '1.0') // -1
 */
export function compareDpkgFragment(a: string, b: string): Ordering {
  return a === b ? 0 : compareRanges(a, 0, a.length, b, 0, b.length);
}

/** dpkg_version_compare: epoch, then upstream, then revision. */
export function compareDpkgVersions(a: DpkgVersion, b: DpkgVersion): Ordering {
  if (a.epoch !== b.epoch) return a.epoch < b.epoch ? -1 : 1;
  return compareDpkgFragment(a.upstream, b.upstream) || compareDpkgFragment(a.revision, b.revision);
}

const base = defineScheme('dpkg', parseDpkgVersion, compareDpkgVersions);

/**
 * Debian package versions, ordered like `dpkg --compare-versions` (lib/dpkg/version.c).
 * `compare` validates and splits both sides by index and compares without slicing.
 * @example dpkgScheme.compare('2.36-9+deb12u3', '2.36-9+deb12u10') // -1
 */
export const dpkgScheme: VersionScheme<DpkgVersion> = {
  ...base,
  compare: (a, b) => {
    const x = scanDpkgVersion(a);
    if (a === b) return 0;
    const y = scanDpkgVersion(b);
    if (x.epoch !== y.epoch) return x.epoch < y.epoch ? -1 : 1;
    return compareRanges(a, x.upStart, x.upEnd, b, y.upStart, y.upEnd) || compareRanges(a, x.revStart, x.end, b, y.revStart, y.end);
  },
};
