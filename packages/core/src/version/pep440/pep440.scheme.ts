import { VERSION_PATTERN } from '@renovatebot/pep440/lib/version.js';
import { invalidInput } from '../../errors/domain-error.js';
import { defineScheme, type Ordering, type VersionScheme } from '../version-scheme.js';

/**
 * PEP 440 ordering, matching Python `packaging.version.Version` (23.x, Debian's python3-packaging).
 *
 * Parsing uses @renovatebot/pep440's VERSION_PATTERN (the same regular expression as packaging);
 * the sort key is built here because @renovatebot/pep440's compare loses precision past 2^53 and
 * reads local parts such as "0x1", "1e5" or "Infinity" as numbers, where packaging compares them as
 * strings. Numbers are exact (bigint past 15 digits).
 */

/** An exact integer: a number while it is safe, a bigint past 15 digits. */
export type Pep440Int = number | bigint;

/** A pre- or post-release marker: the normalised letter ('a', 'b', 'rc', 'post') and its number. */
export interface Pep440Letter {
  readonly letter: string;
  readonly n: Pep440Int;
}

/** A parsed PEP 440 version; formatPep440Version prints it as packaging's str(Version). */
export interface Pep440Version {
  readonly epoch: Pep440Int;
  readonly release: readonly Pep440Int[];
  readonly pre: Pep440Letter | undefined;
  readonly post: Pep440Letter | undefined;
  readonly dev: Pep440Int | undefined;
  readonly local: readonly (Pep440Int | string)[] | undefined;
  /** The release without trailing zeros (1.0.0 sorts as 1). */
  readonly releaseKey: readonly Pep440Int[];
}

const GROUP_NAMES = ['epoch', 'release', 'pre_l', 'pre_n', 'post_n1', 'post_l', 'post_n2', 'dev_l', 'dev_n', 'local'] as const;
type GroupName = (typeof GROUP_NAMES)[number];
/** Captures by regex group number (see G); undefined when a group did not match. */
type Captures = readonly (string | undefined)[];

/**
 * VERSION_PATTERN with its named groups turned into plain ones (named groups allocate a
 * dictionary per match, which dominated parse time), plus where each named group ended up.
 */
function unnamedPattern(pattern: string): { source: string; index: Record<GroupName, number> } {
  const index: Record<string, number> = {};
  let count = 0;
  const source = pattern.replace(/\\.|\((\?<([A-Za-z_][A-Za-z0-9_]*)>|\?)?/g, (token, prefix: string | undefined, name: string | undefined) => {
    if (!token.startsWith('(') || prefix === '?') return token;
    count++;
    if (name !== undefined) index[name] = count;
    return '(';
  });
  for (const name of GROUP_NAMES) if (index[name] === undefined) throw new Error(`pep440: VERSION_PATTERN lost group ${name}`);
  return { source, index: index as Record<GroupName, number> };
}

const { source: SOURCE, index: G } = unnamedPattern(VERSION_PATTERN);
const PATTERN = new RegExp(`^${SOURCE}$`, 'i');
const PATTERN_WITH_INDICES = new RegExp(`^${SOURCE}$`, 'id');
// Python's \s (str.isspace): packaging strips it around a version. JS \s differs (\ufeff, \x1c-\x1f, \x85).
const PY_SPACE = '[\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
const PY_SPACE_CHAR = new RegExp(`^${PY_SPACE}$`);
const PY_TRIM = new RegExp(`^${PY_SPACE}+|${PY_SPACE}+$`, 'g');
// Python's re.IGNORECASE also matches these four letters against ASCII i, s and k; JS does not.
const PY_FOLD: Readonly<Record<string, string>> = { '\u0130': 'i', '\u0131': 'i', '\u017f': 's', '\u212a': 'k' };
const PY_FOLDABLE = /[\u0130\u0131\u017f\u212a]/g;
const LETTER_SPELLINGS: Readonly<Record<string, string>> = { alpha: 'a', beta: 'b', c: 'rc', pre: 'rc', preview: 'rc', rev: 'post', r: 'post' };
const DIGITS = /^[0-9]+$/;

function toInt(digits: string): Pep440Int {
  return digits.length <= 15 ? Number(digits) : BigInt(digits);
}

/** Strips Python whitespace from both ends; most versions have none, so check the ends first. */
function trimPythonSpace(text: string): string {
  const first = text.charAt(0);
  const last = text.charAt(text.length - 1);
  if (!PY_SPACE_CHAR.test(first) && !PY_SPACE_CHAR.test(last)) return text;
  return text.replace(PY_TRIM, '');
}

/** Regex captures, taken from the original text when Python-only case folding was needed to match. */
function matchCaptures(text: string): Captures | undefined {
  const folded = text.replace(PY_FOLDABLE, (c) => PY_FOLD[c]!);
  if (folded === text) return PATTERN.exec(text) ?? undefined;
  const spans = PATTERN_WITH_INDICES.exec(folded)?.indices;
  return spans?.map((span) => (span === undefined ? undefined : text.slice(span[0], span[1])));
}

/** packaging's _parse_letter_version: lower-case, then the preferred spelling if it has one. */
function parseLetter(letter: string | undefined, digits: string | undefined): Pep440Letter | undefined {
  if (letter !== undefined) {
    const lower = letter.toLowerCase();
    return { letter: LETTER_SPELLINGS[lower] ?? lower, n: toInt(digits ?? '0') };
  }
  return digits === undefined ? undefined : { letter: 'post', n: toInt(digits) };
}

function parseLocal(local: string | undefined): (Pep440Int | string)[] | undefined {
  return local?.split(/[-_.]/).map((part) => (DIGITS.test(part) ? toInt(part) : part.toLowerCase()));
}

function stripTrailingZeros(release: readonly Pep440Int[]): Pep440Int[] {
  let end = release.length;
  while (end > 0 && Number(release[end - 1]) === 0) end--;
  return release.slice(0, end);
}

/**
 * The normalised form of a parsed version, as Python's str(Version(v)) prints it.
 * @example formatPep440Version(parsePep440Version('1.0-ALPHA_1')) // '1.0a1'
 */
export function formatPep440Version(v: Pep440Version): string {
  let out = Number(v.epoch) === 0 ? '' : `${v.epoch}!`;
  out += v.release.join('.');
  if (v.pre) out += `${v.pre.letter}${v.pre.n}`;
  if (v.post) out += `.post${v.post.n}`;
  if (v.dev !== undefined) out += `.dev${v.dev}`;
  if (v.local) out += `+${v.local.join('.')}`;
  return out;
}

/**
 * Parses a PEP 440 version like packaging.version.Version: surrounding whitespace, a leading 'v',
 * any letter case and the alternative spellings (alpha, c, preview, rev, 1.0-1, '_' and '-') are
 * accepted and normalised.
 * @example parsePep440Version('1!2.0rc1').epoch // 1
 * @throws DomainError E_VERSION_INVALID when the text is not a PEP 440 version.
 */
export function parsePep440Version(version: string): Pep440Version {
  const m = matchCaptures(trimPythonSpace(version));
  const release = m?.[G.release];
  if (m === undefined || release === undefined) throw invalidInput('E_VERSION_INVALID', `pep440 version "${version}": does not match the PEP 440 version pattern`);
  const numbers = release.split('.').map(toInt);
  return {
    epoch: toInt(m[G.epoch] ?? '0'),
    release: numbers,
    pre: parseLetter(m[G.pre_l], m[G.pre_n]),
    post: parseLetter(m[G.post_l], m[G.post_n1] ?? m[G.post_n2]),
    dev: m[G.dev_l] === undefined ? undefined : toInt(m[G.dev_n] ?? '0'),
    local: parseLocal(m[G.local]),
    releaseKey: stripTrailingZeros(numbers),
  };
}

/**
 * The normalised form of a PEP 440 version, as Python's str(Version(v)).
 * @example normalizePep440Version('v1!2.0.POST-3') // '1!2.0.post3'
 */
export function normalizePep440Version(version: string): string {
  return formatPep440Version(parsePep440Version(version));
}

function compareInts(a: Pep440Int, b: Pep440Int): Ordering {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareStrings(a: string, b: string): Ordering {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareIntLists(a: readonly Pep440Int[], b: readonly Pep440Int[]): Ordering {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const c = compareInts(a[i]!, b[i]!);
    if (c !== 0) return c;
  }
  return compareInts(a.length, b.length);
}

function compareLetters(a: Pep440Letter, b: Pep440Letter): Ordering {
  return compareStrings(a.letter, b.letter) || compareInts(a.n, b.n);
}

/** 0: a dev release of the final (1.0.dev0 < 1.0a0), 1: has a pre-release, 2: no pre-release. */
function preRank(v: Pep440Version): number {
  if (v.pre) return 1;
  return v.post === undefined && v.dev !== undefined ? 0 : 2;
}

function comparePre(a: Pep440Version, b: Pep440Version): Ordering {
  const ra = preRank(a);
  const rb = preRank(b);
  if (ra !== rb) return ra < rb ? -1 : 1;
  return a.pre && b.pre ? compareLetters(a.pre, b.pre) : 0;
}

/** A missing post-release sorts first; a missing dev release sorts last. */
function comparePost(a: Pep440Letter | undefined, b: Pep440Letter | undefined): Ordering {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? -1 : 1;
  return compareLetters(a, b);
}

function compareDev(a: Pep440Int | undefined, b: Pep440Int | undefined): Ordering {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1;
  return compareInts(a, b);
}

/** Local parts: strings sort before numbers, numbers numerically, a longer local after its prefix. */
function compareLocalParts(a: Pep440Int | string, b: Pep440Int | string): Ordering {
  const sa = typeof a === 'string';
  const sb = typeof b === 'string';
  if (sa !== sb) return sa ? -1 : 1;
  return sa ? compareStrings(a, b as string) : compareInts(a, b as Pep440Int);
}

function compareLocal(a: Pep440Version['local'], b: Pep440Version['local']): Ordering {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? -1 : 1;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const c = compareLocalParts(a[i]!, b[i]!);
    if (c !== 0) return c;
  }
  return compareInts(a.length, b.length);
}

/** Compares two parsed versions by packaging's sort key (epoch, release, pre, post, dev, local). */
export function comparePep440Versions(a: Pep440Version, b: Pep440Version): Ordering {
  return (
    compareInts(a.epoch, b.epoch) ||
    compareIntLists(a.releaseKey, b.releaseKey) ||
    comparePre(a, b) ||
    comparePost(a.post, b.post) ||
    compareDev(a.dev, b.dev) ||
    compareLocal(a.local, b.local)
  );
}

/**
 * PEP 440 ordering (Python packaging 23.x): epochs, pre/post/dev releases and local versions.
 * @example pep440Scheme.compare('1.0.dev0', '1.0a0') // -1
 */
export const pep440Scheme: VersionScheme<Pep440Version> = defineScheme('pep440', parsePep440Version, comparePep440Versions);
