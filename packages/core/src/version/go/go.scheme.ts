import { invalidInput } from '../../errors/domain-error.js';
import { defineScheme, type Ordering, type VersionScheme } from '../version-scheme.js';

/**
 * Go module versions, ordered like golang.org/x/mod/semver.
 *
 * Grammar: vMAJOR[.MINOR[.PATCH[-PRERELEASE][+BUILD]]]; numbers without leading zeros; the
 * shorthands v1 and v1.2 (without prerelease or build) mean v1.0.0 and v1.2.0. Pseudo-versions
 * (v0.0.0-20191109021931-daa7c04131f5, v1.2.4-0.2019..., v1.2.3-pre.0.2019...) are ordinary
 * prereleases and sort as such. Build metadata such as +incompatible is kept but ignored in
 * ordering.
 *
 * OSV's Go ecosystem writes versions without the 'v' ("1.18.6", "0"). We accept both: a version
 * starting with an ASCII digit gets a 'v' prepended before parsing, and `version` / `canonical`
 * are always v-prefixed. Anything else x/mod rejects ('V1.0.0', ' v1', 'v1.2-pre') is rejected.
 */

/** A parsed Go module version. */
export interface GoVersion {
  /** The input, v-prefixed ("1.18.6" becomes "v1.18.6"). */
  readonly version: string;
  /** x/mod's semver.Canonical: shorthands filled in, build metadata dropped ("v1.2.0"). */
  readonly canonical: string;
  readonly major: string;
  readonly minor: string;
  readonly patch: string;
  /** With its leading '-', or '' for a release. */
  readonly prerelease: string;
  /** With its leading '+', or '' when there is none. */
  readonly build: string;
}

/** Cursor over the version text; every step returns false on the first problem. */
interface Cursor {
  readonly text: string;
  at: number;
  problem: string;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isIdentChar(c: number): boolean {
  return isDigit(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45;
}

function fail(cur: Cursor, problem: string): undefined {
  cur.problem = problem;
  return undefined;
}

/** x/mod parseInt: one or more digits, no leading zero unless the number is 0. */
function readNumber(cur: Cursor, what: string): string | undefined {
  const start = cur.at;
  while (cur.at < cur.text.length && isDigit(cur.text.charCodeAt(cur.at))) cur.at++;
  if (cur.at === start) return fail(cur, `${what} is not a number`);
  if (cur.text.charCodeAt(start) === 48 && cur.at - start > 1) return fail(cur, `${what} has a leading zero`);
  return cur.text.slice(start, cur.at);
}

/** Dot-separated identifiers after '-' or '+'; numeric prerelease identifiers may not have leading zeros. */
function readIdentifiers(cur: Cursor, what: 'prerelease' | 'build'): string | undefined {
  const start = cur.at;
  let identStart = ++cur.at;
  for (; cur.at <= cur.text.length; cur.at++) {
    const c = cur.text.charCodeAt(cur.at);
    const end = cur.at === cur.text.length || c === 46 || (what === 'prerelease' && c === 43);
    if (!end && !isIdentChar(c)) return fail(cur, `${what} has a character outside [0-9A-Za-z-.]`);
    if (!end) continue;
    const ident = cur.text.slice(identStart, cur.at);
    if (ident === '') return fail(cur, `${what} has an empty identifier`);
    if (what === 'prerelease' && /^0[0-9]+$/.test(ident)) return fail(cur, `prerelease identifier "${ident}" has a leading zero`);
    if (c !== 46) break;
    identStart = cur.at + 1;
  }
  return cur.text.slice(start, cur.at);
}

/** MAJOR.MINOR.PATCH, and whether it was written as a shorthand (v1, v1.2). */
interface Release {
  readonly numbers: [string, string, string];
  readonly short: boolean;
}

/** Reads MAJOR[.MINOR[.PATCH]]; a shorthand must end the version (no prerelease, no build). */
function readRelease(cur: Cursor): Release | undefined {
  const parts: string[] = [];
  for (const what of ['major', 'minor', 'patch']) {
    const n = readNumber(cur, what);
    if (n === undefined) return undefined;
    parts.push(n);
    if (parts.length === 3 || cur.at === cur.text.length) break;
    if (cur.text.charCodeAt(cur.at++) !== 46) return fail(cur, `expected '.' after ${what}`);
  }
  const short = parts.length < 3;
  while (parts.length < 3) parts.push('0');
  return { numbers: parts as [string, string, string], short };
}

function parseVPrefixed(text: string, cur: Cursor): GoVersion | undefined {
  if (text.charCodeAt(0) !== 118) return fail(cur, "does not start with 'v' or a digit");
  cur.at = 1;
  const release = readRelease(cur);
  if (release === undefined) return undefined;
  const prerelease = text[cur.at] === '-' ? readIdentifiers(cur, 'prerelease') : '';
  if (prerelease === undefined) return undefined;
  const build = text[cur.at] === '+' ? readIdentifiers(cur, 'build') : '';
  if (build === undefined) return undefined;
  if (cur.at !== text.length) return fail(cur, `unexpected "${text.slice(cur.at)}"`);
  const [major, minor, patch] = release.numbers;
  const canonical = release.short ? `v${major}.${minor}.${patch}` : text.slice(0, text.length - build.length);
  return { version: text, canonical, major, minor, patch, prerelease, build };
}

/**
 * Parses a Go module version, with or without the leading 'v'.
 * @example parseGoVersion('1.18.6').canonical // 'v1.18.6'
 * @throws DomainError E_VERSION_INVALID naming the version and what is wrong.
 */
export function parseGoVersion(version: string): GoVersion {
  const text = isDigit(version.charCodeAt(0)) ? `v${version}` : version;
  const cur: Cursor = { text, at: 0, problem: 'is empty' };
  const parsed = text === '' ? undefined : parseVPrefixed(text, cur);
  if (parsed === undefined) throw invalidInput('E_VERSION_INVALID', `go version "${version}": ${cur.problem}`);
  return parsed;
}

/** x/mod compareInt: decimal strings without leading zeros, so shorter is smaller. */
function compareDecimal(x: string, y: string): Ordering {
  if (x === y) return 0;
  if (x.length !== y.length) return x.length < y.length ? -1 : 1;
  return x < y ? -1 : 1;
}

const NUMERIC = /^[0-9]+$/;

function compareIdentifier(x: string, y: string): Ordering {
  const nx = NUMERIC.test(x);
  const ny = NUMERIC.test(y);
  if (nx !== ny) return nx ? -1 : 1;
  if (nx) return compareDecimal(x, y);
  return x < y ? -1 : 1;
}

/** SemVer prerelease precedence: a release beats any prerelease; identifiers left to right. */
function comparePrerelease(x: string, y: string): Ordering {
  if (x === y) return 0;
  if (x === '') return 1;
  if (y === '') return -1;
  const xs = x.slice(1).split('.');
  const ys = y.slice(1).split('.');
  for (let i = 0; i < xs.length && i < ys.length; i++) {
    if (xs[i] !== ys[i]) return compareIdentifier(xs[i]!, ys[i]!);
  }
  return xs.length < ys.length ? -1 : 1;
}

/** Compares like x/mod semver.Compare on two valid versions; build metadata is ignored. */
export function compareGoVersions(a: GoVersion, b: GoVersion): Ordering {
  return (
    compareDecimal(a.major, b.major) ||
    compareDecimal(a.minor, b.minor) ||
    compareDecimal(a.patch, b.patch) ||
    comparePrerelease(a.prerelease, b.prerelease)
  );
}

/**
 * Go module version ordering (golang.org/x/mod/semver), also accepting OSV's unprefixed form.
 * @example goScheme.compare('v0.0.0-20191109021931-daa7c04131f5', 'v0.1.0') // -1
 */
export const goScheme: VersionScheme<GoVersion> = defineScheme('go', parseGoVersion, compareGoVersions);
