import { invalidInput } from '../../errors/domain-error.js';
import { defineScheme, type Ordering, type VersionScheme } from '../version-scheme.js';

/**
 * An RPM EVR `[epoch:]version[-release]`, split like rpm's parseEVR (lib/rpmver.c): a run of
 * leading digits followed by `:` is the epoch (an empty one reads as "0"), the release starts
 * after the last hyphen. Missing parts are `undefined`: rpm.vercmp orders a missing release
 * before any release, even an empty one ("1.0" < "1.0-").
 */
export interface RpmVersion {
  /** Digits as written ("007" stays "007"; compared numerically). */
  readonly epoch: string | undefined;
  readonly version: string;
  readonly release: string | undefined;
}

const CH_0 = 48;
const CH_COLON = 58;
const CH_TILDE = 126;
const CH_CARET = 94;

function isDigit(c: number): boolean {
  return c >= CH_0 && c <= 57;
}

function isAlpha(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isAlnum(c: number): boolean {
  return isDigit(c) || isAlpha(c);
}

/** A separator for rpmvercmp: anything but ASCII letters, digits, `~` and `^`. */
function isSeparator(c: number): boolean {
  return !isAlnum(c) && c !== CH_TILDE && c !== CH_CARET;
}

function fail(version: string, what: string): never {
  throw invalidInput('E_VERSION_INVALID', `rpm version "${version}": ${what}`);
}

/**
 * Where the parts of an EVR lie in its string: epoch `[0, epochEnd)` (-1: none), version
 * `[versionStart, versionEnd)`, release `[releaseStart, length)` (-1: none). Lets compare()
 * work without slicing.
 */
interface RpmBounds {
  epochEnd: number;
  versionStart: number;
  versionEnd: number;
  releaseStart: number;
}

/** Splits an EVR like rpm's parseEVR; only an empty string (or a NUL, which C would cut) is invalid. */
function scanRpmVersion(version: string): RpmBounds {
  if (version === '') fail(version, 'version string is empty');
  if (version.includes('\0')) fail(version, 'version string contains a NUL character');
  let s = 0;
  while (s < version.length && isDigit(version.charCodeAt(s))) s++;
  const epochEnd = version.charCodeAt(s) === CH_COLON ? s : -1;
  const versionStart = epochEnd + 1;
  const hyphen = version.lastIndexOf('-');
  const hasRelease = hyphen >= versionStart;
  return { epochEnd, versionStart, versionEnd: hasRelease ? hyphen : version.length, releaseStart: hasRelease ? hyphen + 1 : -1 };
}

/**
 * Parses an EVR like rpm.vercmp's rpmverParse: only an empty string (or one holding a NUL,
 * which C would cut short) is invalid; every other string is some EVR.
 * @example parseRpmVersion('1:2.4.57-5.el9') // { epoch: '1', version: '2.4.57', release: '5.el9' }
 */
export function parseRpmVersion(version: string): RpmVersion {
  const b = scanRpmVersion(version);
  return {
    epoch: b.epochEnd < 0 ? undefined : b.epochEnd === 0 ? '0' : version.slice(0, b.epochEnd),
    version: version.slice(b.versionStart, b.versionEnd),
    release: b.releaseStart < 0 ? undefined : version.slice(b.releaseStart),
  };
}

/**
 * Prints an EVR back: `epoch:` when there is an epoch, `-release` when there is a release.
 * @example formatRpmVersion({ epoch: undefined, version: '1.0', release: '1.fc40' }) // '1.0-1.fc40'
 */
export function formatRpmVersion(v: RpmVersion): string {
  const epoch = v.epoch === undefined ? '' : `${v.epoch}:`;
  const release = v.release === undefined ? '' : `-${v.release}`;
  return `${epoch}${v.version}${release}`;
}

/** Index of the end of the digit (or letter) run starting at `i`. */
function segmentEnd(s: string, i: number, end: number, numeric: boolean): number {
  while (i < end && (numeric ? isDigit(s.charCodeAt(i)) : isAlpha(s.charCodeAt(i)))) i++;
  return i;
}

/** Compares two same-kind segments: numbers by value (leading zeros dropped), letters by strcmp. */
function compareSegment(a: string, i: number, ie: number, b: string, j: number, je: number, numeric: boolean): number {
  if (numeric) {
    while (i < ie && a.charCodeAt(i) === CH_0) i++;
    while (j < je && b.charCodeAt(j) === CH_0) j++;
    if (ie - i !== je - j) return ie - i > je - j ? 1 : -1;
  }
  for (; i < ie && j < je; i++, j++) {
    const d = a.charCodeAt(i) - b.charCodeAt(j);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return i < ie ? 1 : j < je ? -1 : 0;
}

/**
 * Handles `~` and `^` at the current positions like rpmvercmp: `~` sorts before everything
 * (the end included), `^` after the end but before anything else. Returns the ordering, or
 * `undefined` when neither side is at one of them, or 2 when both are at the same one.
 */
function compareTildeCaret(ac: number, bc: number): Ordering | 2 | undefined {
  if (ac === CH_TILDE || bc === CH_TILDE) {
    if (ac !== CH_TILDE) return 1;
    if (bc !== CH_TILDE) return -1;
    return 2;
  }
  if (ac === CH_CARET || bc === CH_CARET) {
    if (Number.isNaN(ac)) return -1;
    if (Number.isNaN(bc)) return 1;
    if (ac !== CH_CARET) return 1;
    if (bc !== CH_CARET) return -1;
    return 2;
  }
  return undefined;
}

/** rpmvercmp on `a[i, ae)` and `b[j, be)`. */
function compareRanges(a: string, i: number, ae: number, b: string, j: number, be: number): Ordering {
  while (i < ae || j < be) {
    while (i < ae && isSeparator(a.charCodeAt(i))) i++;
    while (j < be && isSeparator(b.charCodeAt(j))) j++;
    const special = compareTildeCaret(i < ae ? a.charCodeAt(i) : NaN, j < be ? b.charCodeAt(j) : NaN);
    if (special === 2) {
      i++;
      j++;
      continue;
    }
    if (special !== undefined) return special;
    if (i >= ae || j >= be) break;
    const numeric = isDigit(a.charCodeAt(i));
    const ie = segmentEnd(a, i, ae, numeric);
    const je = segmentEnd(b, j, be, numeric);
    if (je === j) return numeric ? 1 : -1;
    const rc = compareSegment(a, i, ie, b, j, je, numeric);
    if (rc !== 0) return rc < 0 ? -1 : 1;
    i = ie;
    j = je;
  }
  if (i >= ae && j >= be) return 0;
  return i >= ae ? -1 : 1;
}

/**
 * rpm's rpmvercmp (lib/rpmvercmp.c) on one part: alphanumeric segments split on any other
 * character, numbers newer than letters, `~` before and `^` after the bare version.
 * @example compareRpmFragment('1.0^post1', '1.0.1') // -1
 */
export function compareRpmFragment(a: string, b: string): Ordering {
  return a === b ? 0 : compareRanges(a, 0, a.length, b, 0, b.length);
}

/** Epochs compared like rpmverCmp: a missing or empty epoch is "0", then rpmvercmp. */
function compareEpochs(a: string, x: RpmBounds, b: string, y: RpmBounds): Ordering {
  const ea = x.epochEnd > 0 ? a : '0';
  const eb = y.epochEnd > 0 ? b : '0';
  return compareRanges(ea, 0, x.epochEnd > 0 ? x.epochEnd : 1, eb, 0, y.epochEnd > 0 ? y.epochEnd : 1);
}

/** rpmverCmp on two scanned EVRs: epoch (missing = "0"), version, release (missing first). */
function compareBounds(a: string, x: RpmBounds, b: string, y: RpmBounds): Ordering {
  const epoch = compareEpochs(a, x, b, y);
  if (epoch !== 0) return epoch;
  const version = compareRanges(a, x.versionStart, x.versionEnd, b, y.versionStart, y.versionEnd);
  if (version !== 0) return version;
  if (x.releaseStart < 0 || y.releaseStart < 0) return x.releaseStart === y.releaseStart ? 0 : x.releaseStart < 0 ? -1 : 1;
  return compareRanges(a, x.releaseStart, a.length, b, y.releaseStart, b.length);
}

/** rpm's compare_values: a missing part sorts before a present one. */
function compareOptional(a: string | undefined, b: string | undefined): Ordering {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? -1 : 1;
  return compareRpmFragment(a, b);
}

/** rpm.vercmp's rpmverCmp: epoch (missing = "0"), then version, then release. */
export function compareRpmVersions(a: RpmVersion, b: RpmVersion): Ordering {
  return (
    compareRpmFragment(a.epoch ?? '0', b.epoch ?? '0') ||
    compareRpmFragment(a.version, b.version) ||
    compareOptional(a.release, b.release)
  );
}

const base = defineScheme('rpm', parseRpmVersion, compareRpmVersions);

/**
 * RPM EVRs, ordered like rpm's Lua `rpm.vercmp(a, b)` (rpmverParse + rpmverCmp).
 * `compare` splits both sides by index and compares without slicing.
 * @example rpmScheme.compare('1.0~rc1-1', '1.0-1') // -1
 */
export const rpmScheme: VersionScheme<RpmVersion> = {
  ...base,
  compare: (a, b) => {
    const x = scanRpmVersion(a);
    return a === b ? 0 : compareBounds(a, x, b, scanRpmVersion(b));
  },
};
