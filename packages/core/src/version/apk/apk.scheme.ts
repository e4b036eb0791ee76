import { invalidInput } from '../../errors/domain-error.js';
import { defineScheme, type Ordering, type VersionScheme } from '../version-scheme.js';

/*
 * Alpine versions as apk-tools reads them (src/version.c):
 *   digit{.digit}...{letter}{_suffix{number}}...{~hash}{-r#}
 * A version is a stream of tokens; each token kind may only follow certain kinds.
 */

/** Token kinds in apk-tools' order: comparing kinds decides "which side ended first". */
const T_INITIAL_DIGIT = 0;
const T_DIGIT = 1;
const T_LETTER = 2;
const T_SUFFIX = 3;
const T_SUFFIX_NO = 4;
const T_COMMIT_HASH = 5;
const T_REVISION_NO = 6;
const T_END = 7;
const T_INVALID = 8;

/** Suffix values: the pre-release ones sort below SUFFIX_NONE (a bare version), the rest above. */
const SUFFIX_INVALID = 0;
const SUFFIX_NONE = 5;
const SUFFIXES = ['alpha', 'beta', 'pre', 'rc', 'cvs', 'svn', 'git', 'hg', 'p'] as const;

/** A suffix apk-tools knows: `_alpha _beta _pre _rc` sort before the release, `_cvs _svn _git _hg _p` after. */
export type ApkSuffixName = (typeof SUFFIXES)[number];

const SUFFIX_VALUE: Record<ApkSuffixName, number> = { alpha: 1, beta: 2, pre: 3, rc: 4, cvs: 6, svn: 7, git: 8, hg: 9, p: 10 };

const CH_0 = 48;
const CH_9 = 57;

/** The tokenizer's state over one version string (apk-tools' struct token_state). */
interface TokenState {
  readonly s: string;
  pos: number;
  token: number;
  suffix: number;
  /** The token's value: `s.slice(start, end)` (digits, the letter, the suffix name or the hash). */
  start: number;
  end: number;
}

function isDigit(c: number): boolean {
  return c >= CH_0 && c <= CH_9;
}

function isLower(c: number): boolean {
  return c >= 97 && c <= 122;
}

function isHexDigit(c: number): boolean {
  return isDigit(c) || (c >= 97 && c <= 102);
}

/** The value of the suffix name `s[start, end)`, or SUFFIX_INVALID. */
function suffixValue(s: string, start: number, end: number): number {
  for (const name of SUFFIXES) {
    if (name.length === end - start && s.startsWith(name, start)) return SUFFIX_VALUE[name];
  }
  return SUFFIX_INVALID;
}

/** Consumes a run of characters matching `accept`; it becomes the token's value. */
function takeRun(t: TokenState, accept: (c: number) => boolean): void {
  t.start = t.pos;
  while (t.pos < t.s.length && accept(t.s.charCodeAt(t.pos))) t.pos++;
  t.end = t.pos;
}

function takeDigits(t: TokenState, token: number): void {
  takeRun(t, isDigit);
  t.token = t.start === t.end ? T_INVALID : token;
}

function tokenFirst(s: string): TokenState {
  const t: TokenState = { s, pos: 0, token: T_INITIAL_DIGIT, suffix: SUFFIX_INVALID, start: 0, end: 0 };
  takeDigits(t, T_INITIAL_DIGIT);
  return t;
}

/** Reads the next token and checks that its kind may follow the previous one (token_next). */
function tokenNext(t: TokenState): void {
  if (t.pos >= t.s.length) {
    t.token = T_END;
    return;
  }
  const c = t.s.charCodeAt(t.pos);
  if (isLower(c)) return nextLetter(t);
  if (c === 46 /* . */ || isDigit(c)) return nextNumber(t, c === 46);
  if (c === 95 /* _ */) return nextSuffix(t);
  if (c === 126 /* ~ */) return nextHash(t);
  if (c === 45 /* - */) return nextRevision(t);
  t.token = T_INVALID;
}

function nextLetter(t: TokenState): void {
  if (t.token > T_DIGIT) return void (t.token = T_INVALID);
  t.start = t.pos++;
  t.end = t.pos;
  t.token = T_LETTER;
}

function nextNumber(t: TokenState, dot: boolean): void {
  if (dot && t.token > T_DIGIT) return void (t.token = T_INVALID);
  if (dot) t.pos++;
  if (t.token === T_INITIAL_DIGIT || t.token === T_DIGIT) return takeDigits(t, T_DIGIT);
  if (t.token === T_SUFFIX) return takeDigits(t, T_SUFFIX_NO);
  t.token = T_INVALID;
}

function nextSuffix(t: TokenState): void {
  if (t.token > T_SUFFIX_NO) return void (t.token = T_INVALID);
  t.pos++;
  takeRun(t, isLower);
  t.suffix = suffixValue(t.s, t.start, t.end);
  t.token = t.suffix === SUFFIX_INVALID ? T_INVALID : T_SUFFIX;
}

function nextHash(t: TokenState): void {
  if (t.token >= T_COMMIT_HASH) return void (t.token = T_INVALID);
  t.pos++;
  takeRun(t, isHexDigit);
  t.token = t.start === t.end ? T_INVALID : T_COMMIT_HASH;
}

function nextRevision(t: TokenState): void {
  if (t.token >= T_REVISION_NO || t.s.charCodeAt(t.pos + 1) !== 114 /* r */) return void (t.token = T_INVALID);
  t.pos += 2;
  takeDigits(t, T_REVISION_NO);
}

/** apk_blob_sort on the two token values: bytewise, then shorter first. */
function compareText(a: TokenState, b: TokenState): number {
  const n = Math.min(a.end - a.start, b.end - b.start);
  for (let k = 0; k < n; k++) {
    const d = a.s.charCodeAt(a.start + k) - b.s.charCodeAt(b.start + k);
    if (d !== 0) return d;
  }
  return a.end - a.start - (b.end - b.start);
}

/** A digit run's value as apk_blob_pull_uint computes it: a uint64 that wraps on overflow. */
function uint64(t: TokenState): number | bigint {
  if (t.end - t.start > 15) return BigInt.asUintN(64, BigInt(t.s.slice(t.start, t.end)));
  let v = 0;
  for (let k = t.start; k < t.end; k++) v = v * 10 + t.s.charCodeAt(k) - CH_0;
  return v;
}

function compareNumbers(a: TokenState, b: TokenState): number {
  const x = uint64(a);
  const y = uint64(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** token_cmp for two tokens of the same kind. */
function compareTokens(a: TokenState, b: TokenState): number {
  switch (a.token) {
    case T_DIGIT:
      // A leading zero on either side makes it a string comparison, as in Gentoo.
      if (a.s.charCodeAt(a.start) === CH_0 || b.s.charCodeAt(b.start) === CH_0) return compareText(a, b);
      return compareNumbers(a, b);
    case T_INITIAL_DIGIT:
    case T_SUFFIX_NO:
    case T_REVISION_NO:
      return compareNumbers(a, b);
    case T_LETTER:
      return a.s.charCodeAt(a.start) - b.s.charCodeAt(b.start);
    case T_SUFFIX:
      return a.suffix - b.suffix;
    default:
      return compareText(a, b);
  }
}

/** Bits of apk-tools' comparison result mask. */
const EQUAL = 1;
const LESS = 2;
const GREATER = 4;
const FUZZY = 8;

/** Once all shared tokens are equal: the side that goes on is newer, unless it goes on with a pre-release suffix. */
function compareTails(a: TokenState, b: TokenState, fuzzy: boolean): number {
  if (a.token === b.token) return EQUAL;
  if (b.token === T_END && fuzzy) return EQUAL;
  if (a.token === T_SUFFIX && a.suffix < SUFFIX_NONE) return LESS;
  if (b.token === T_SUFFIX && b.suffix < SUFFIX_NONE) return GREATER;
  if (a.token > b.token) return LESS;
  if (b.token > a.token) return GREATER;
  return EQUAL;
}

/** apk_version_compare_fuzzy on any two strings (valid or not); returns a result mask. */
function compareMask(a: string, b: string, fuzzy: boolean): number {
  if (a === '' || b === '') return a === b ? EQUAL : EQUAL | LESS | GREATER;
  const ta = tokenFirst(a);
  const tb = tokenFirst(b);
  while (ta.token === tb.token && ta.token < T_END) {
    const r = compareTokens(ta, tb);
    if (r !== 0) return r < 0 ? LESS : GREATER;
    tokenNext(ta);
    tokenNext(tb);
  }
  return compareTails(ta, tb, fuzzy);
}

function maskToOrdering(mask: number): Ordering {
  return mask === LESS ? -1 : mask === GREATER ? 1 : 0;
}

/**
 * apk-tools' own comparison, which also orders invalid versions (it stops at the first bad
 * token, and a side that turns invalid sorts lower). Use {@link apkScheme} for validated input;
 * this exists to match apk on data it accepts without validation.
 * @example compareApkVersionsLenient('1.0', '1.0bc') // -1 ('1.0bc' is invalid)
 */
export function compareApkVersionsLenient(a: string, b: string): Ordering {
  return maskToOrdering(compareMask(a, b, false));
}

/** The operators of apk dependencies and `apk version -t`: `~` is a fuzzy (prefix) match. */
export type ApkOperator = '<' | '<=' | '=' | '>=' | '>' | '~' | '<~' | '>~';

function operatorMask(op: ApkOperator): number {
  let mask = 0;
  for (const c of op) mask |= c === '<' ? LESS : c === '>' ? GREATER : c === '=' ? EQUAL : FUZZY | EQUAL;
  return mask;
}

/**
 * apk_version_match: does `a op b` hold? `a ~ b` holds when b's tokens are a prefix of a's
 * ("3.6.9 ~ 3.6"); `<~` and `>~` add less/greater.
 * @example matchApkVersion('3.6.9', '~', '3.6') // true
 */
export function matchApkVersion(a: string, op: ApkOperator, b: string): boolean {
  const mask = operatorMask(op);
  if ((mask & (EQUAL | LESS | GREATER)) === (EQUAL | LESS | GREATER)) return true;
  return (compareMask(a, b, (mask & FUZZY) !== 0) & mask) !== 0;
}

/** One `_name[number]` suffix; `number` is the digits as written ('' when there are none). */
export interface ApkSuffix {
  readonly name: ApkSuffixName;
  readonly number: string;
}

/**
 * A valid Alpine version. `text` is the version as written (apk does not normalise, so
 * `formatApkVersion(v) === v.text`); the other fields are its parts.
 */
export interface ApkVersion {
  readonly text: string;
  /** Digits, dots and an optional letter: "1.2.3a". */
  readonly base: string;
  readonly suffixes: readonly ApkSuffix[];
  /** The hex commit after `~`, if any. */
  readonly hash: string | undefined;
  /** The digits after `-r`, if any. */
  readonly revision: string | undefined;
}

const KIND_NAMES = ['the first number', 'a number', 'the letter', 'a suffix', 'a suffix number', 'the commit hash', 'the revision'];

/** What is wrong with a token of the kind its first char `c` announces, when that kind was allowed there. */
function describeToken(c: number, previous: number): string | undefined {
  if (c === 46 /* . */ && previous <= T_DIGIT) return 'a "." must be followed by digits';
  if (c === 95 /* _ */ && previous <= T_SUFFIX_NO) return 'unknown suffix (alpha beta pre rc cvs svn git hg p)';
  if (c === 126 /* ~ */ && previous < T_COMMIT_HASH) return 'a "~" must be followed by a lowercase hex commit hash';
  if (c === 45 /* - */ && previous < T_REVISION_NO) return 'a revision must be "-r" and digits';
  return undefined;
}

/** Why the token starting at `from`, after a token of kind `previous`, is invalid. */
function describeInvalid(version: string, from: number, previous: number): string {
  if (from === 0) return 'must start with a digit';
  const c = version.charCodeAt(from);
  const what = describeToken(c, previous);
  if (what !== undefined) return what;
  const known = isDigit(c) || isLower(c) || c === 46 || c === 95 || c === 126 || c === 45;
  if (!known) return `invalid character "${version[from] ?? ''}" at offset ${from}`;
  return `"${version[from] ?? ''}" at offset ${from} may not follow ${KIND_NAMES[previous] ?? 'a number'}`;
}

function fail(version: string, what: string): never {
  throw invalidInput('E_VERSION_INVALID', `apk version "${version}": ${what}`);
}

/** Walks every token; throws unless the version is valid (apk_version_validate). */
function validate(version: string): void {
  if (version === '') fail(version, 'version string is empty');
  const t = tokenFirst(version);
  let from = 0;
  let previous = T_INITIAL_DIGIT;
  while (t.token < T_END) {
    from = t.pos;
    previous = t.token;
    tokenNext(t);
  }
  if (t.token === T_INVALID) fail(version, describeInvalid(version, from, previous));
}

/** Collects suffixes, hash and revision from a valid version's tokens. */
function splitParts(text: string): ApkVersion {
  const suffixes: { name: ApkSuffixName; number: string }[] = [];
  let baseEnd = text.length;
  let hash: string | undefined;
  let revision: string | undefined;
  for (const t = tokenFirst(text); t.token < T_END; tokenNext(t)) {
    const value = text.slice(t.start, t.end);
    if (t.token === T_SUFFIX) suffixes.push({ name: value as ApkSuffixName, number: '' });
    else if (t.token === T_SUFFIX_NO) suffixes[suffixes.length - 1]!.number = value;
    else if (t.token === T_COMMIT_HASH) hash = value;
    else if (t.token === T_REVISION_NO) revision = value;
    if (t.token >= T_SUFFIX && baseEnd === text.length) baseEnd = t.start - (t.token === T_REVISION_NO ? 2 : 1);
  }
  return { text, base: text.slice(0, baseEnd), suffixes, hash, revision };
}

/**
 * Parses an Alpine version, valid per apk_version_validate.
 * @throws DomainError E_VERSION_INVALID naming the version and what is wrong.
 * @example parseApkVersion('1.2.3_rc1-r0').suffixes // [{ name: 'rc', number: '1' }]
 */
export function parseApkVersion(version: string): ApkVersion {
  validate(version);
  return splitParts(version);
}

/**
 * Prints a version from its parts (ignores `text`).
 * @example formatApkVersion(parseApkVersion('1.0_p1-r2')) // '1.0_p1-r2'
 */
export function formatApkVersion(v: Omit<ApkVersion, 'text'>): string {
  const suffixes = v.suffixes.map((s) => `_${s.name}${s.number}`).join('');
  const hash = v.hash === undefined ? '' : `~${v.hash}`;
  const revision = v.revision === undefined ? '' : `-r${v.revision}`;
  return `${v.base}${suffixes}${hash}${revision}`;
}

/** Orders two parsed versions like apk_version_compare. */
export function compareApkVersions(a: ApkVersion, b: ApkVersion): Ordering {
  return a.text === b.text ? 0 : maskToOrdering(compareMask(a.text, b.text, false));
}

const base = defineScheme('apk', parseApkVersion, compareApkVersions);

/**
 * Alpine package versions, ordered like apk-tools (`apk version -t a b`).
 * `compare` validates both sides without building the parts, then walks the tokens.
 * @example apkScheme.compare('1.2.3_rc1-r0', '1.2.3-r0') // -1
 */
export const apkScheme: VersionScheme<ApkVersion> = {
  ...base,
  compare: (a, b) => {
    validate(a);
    if (a === b) return 0;
    validate(b);
    return maskToOrdering(compareMask(a, b, false));
  },
};
