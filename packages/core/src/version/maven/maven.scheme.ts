import { invalidInput } from '../../errors/domain-error.js';
import { defineScheme, sign, type Ordering, type VersionScheme } from '../version-scheme.js';

/**
 * Maven version ordering, written to match org.apache.maven.artifact.versioning.ComparableVersion
 * as shipped in maven-artifact 3.8.7 (the jar on our build machines; see maven.oracle.test.ts).
 *
 * A version is lower-cased and split into items: numbers, qualifiers (strings) and sub-lists.
 * '.' separates items, '-' and every digit/letter transition open a nested list; a qualifier that
 * is followed by a digit or ends the version also opens one unless its list is still empty
 * (3.8.7's MNG-7644 behaviour: 2.0.alpha = 2-alpha). Trailing "null" items (0, "", ga, final,
 * release, empty lists) are dropped from each list, so 1.0 = 1 = 1-ga.
 *
 * Like the jar, this order is not transitive on unusual inputs (1 < 1.a.1 < 1.0.cr < 1);
 * we reproduce the jar rather than repair it. Unicode decimal digits count as digits (Java's
 * Character.isDigit), which Maven 4 no longer does.
 */

/** A number item. `size` is Maven's Int (0, up to 9 digits), Long (1, up to 18) or BigInteger (2). */
interface NumItem {
  readonly t: 0;
  readonly size: 0 | 1 | 2;
  /** ASCII digits without leading zeros ('0' for zero). */
  readonly digits: string;
}

/** A qualifier item; `key` is Maven's comparableQualifier ("0".."6" for known ones, "7-x" otherwise). */
interface StrItem {
  readonly t: 1;
  readonly key: string;
}

/** A nested list; by construction only its last item can itself be a list. */
interface ListItem {
  readonly t: 2;
  readonly items: Item[];
}

type Item = NumItem | StrItem | ListItem;

/** A parsed Maven version: the original text and its item tree. */
export interface MavenVersion {
  readonly original: string;
  readonly items: ListItem;
}

const QUALIFIERS = ['alpha', 'beta', 'milestone', 'rc', 'snapshot', '', 'sp'];
const ALIASES: Readonly<Record<string, string>> = { ga: '', final: '', release: '', cr: 'rc' };
const SHORTCUTS: Readonly<Record<string, string>> = { a: 'alpha', b: 'beta', m: 'milestone' };
const RELEASE_KEY = String(QUALIFIERS.indexOf(''));
const ZERO: NumItem = { t: 0, size: 0, digits: '0' };
const DOT = 46;
const DASH = 45;
const UNICODE_DIGIT = /^\p{Nd}$/u;

/** Java's Character.isDigit(char): any Unicode decimal digit in the BMP. */
function isDigitCode(c: number): boolean {
  if (c >= 48 && c <= 57) return true;
  return c >= 128 && UNICODE_DIGIT.test(String.fromCharCode(c));
}

/** Java's Character.digit(c, 10) for a Unicode decimal digit (digits come in runs of ten, 0 first). */
function digitValue(c: number): number {
  if (c <= 57) return c - 48;
  let zero = c;
  while (isDigitCode(zero - 1)) zero--;
  return (c - zero) % 10;
}

/** Digits as plain ASCII without leading zeros, so equal values have equal strings. */
function asciiDigits(raw: string): string {
  let out = '';
  for (let i = 0; i < raw.length; i++) out += String(digitValue(raw.charCodeAt(i)));
  const stripped = out.replace(/^0+/, '');
  return stripped === '' ? '0' : stripped;
}

/** Maven's parseItem for digits: stripLeadingZeroes (ASCII '0' only) decides Int/Long/BigInteger. */
function numberItem(raw: string): NumItem {
  let i = 0;
  while (i < raw.length && raw.charCodeAt(i) === 48) i++;
  const length = i === raw.length ? raw.length : raw.length - i;
  const size = length <= 9 ? 0 : length <= 18 ? 1 : 2;
  const ascii = /^[0-9]*$/.test(raw);
  return { t: 0, size, digits: ascii ? (i === raw.length ? '0' : raw.slice(i)) : asciiDigits(raw) };
}

/** Maven's StringItem: a1/b1/m1 shortcuts, aliases, then the comparable qualifier key. */
function stringItem(raw: string, followedByDigit: boolean): StrItem {
  const expanded = followedByDigit ? (SHORTCUTS[raw] ?? raw) : raw;
  const value = ALIASES[expanded] ?? expanded;
  const index = QUALIFIERS.indexOf(value);
  return { t: 1, key: index === -1 ? `${QUALIFIERS.length}-${value}` : String(index) };
}

function isNullItem(item: Item): boolean {
  if (item.t === 0) return item.digits === '0';
  if (item.t === 1) return item.key === RELEASE_KEY;
  return item.items.length === 0;
}

/** Drops trailing null items, looking past a trailing sub-list (Maven's ListItem.normalize). */
function normalize(list: ListItem): void {
  const items = list.items;
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i]!;
    if (isNullItem(item)) items.splice(i, 1);
    else if (item.t !== 2) break;
  }
}

/** State of the single left-to-right scan in parseItems. */
interface Scan {
  readonly text: string;
  readonly lists: ListItem[];
  list: ListItem;
  start: number;
  isDigit: boolean;
}

function openList(scan: Scan): void {
  const list: ListItem = { t: 2, items: [] };
  scan.list.items.push(list);
  scan.lists.push(list);
  scan.list = list;
}

function pushSegment(scan: Scan, end: number): void {
  const raw = scan.text.slice(scan.start, end);
  scan.list.items.push(scan.isDigit ? numberItem(raw) : stringItem(raw, false));
}

/** One character of ComparableVersion.parseVersion. */
function scanChar(scan: Scan, i: number): void {
  const c = scan.text.charCodeAt(i);
  if (c === DOT || c === DASH) {
    if (i === scan.start) scan.list.items.push(ZERO);
    else pushSegment(scan, i);
    scan.start = i + 1;
    if (c === DASH) openList(scan);
  } else if (isDigitCode(c)) {
    if (!scan.isDigit && i > scan.start) {
      if (scan.list.items.length > 0) openList(scan);
      scan.list.items.push(stringItem(scan.text.slice(scan.start, i), true));
      scan.start = i;
      openList(scan);
    }
    scan.isDigit = true;
  } else {
    if (scan.isDigit && i > scan.start) {
      pushSegment(scan, i);
      scan.start = i;
      openList(scan);
    }
    scan.isDigit = false;
  }
}

function parseItems(version: string): ListItem {
  const root: ListItem = { t: 2, items: [] };
  const scan: Scan = { text: version.toLowerCase(), lists: [root], list: root, start: 0, isDigit: false };
  for (let i = 0; i < scan.text.length; i++) scanChar(scan, i);
  if (scan.text.length > scan.start) {
    if (!scan.isDigit && scan.list.items.length > 0) openList(scan);
    pushSegment(scan, scan.text.length);
  }
  for (let k = scan.lists.length - 1; k >= 0; k--) normalize(scan.lists[k]!);
  return root;
}

/**
 * Parses a Maven version. Every non-empty string is a valid Maven version.
 * @example mavenScheme.parse('1.0-SNAPSHOT')
 * @throws DomainError E_VERSION_INVALID for the empty string.
 */
export function parseMavenVersion(version: string): MavenVersion {
  if (version === '') throw invalidInput('E_VERSION_INVALID', 'maven version "": is empty');
  return { original: version, items: parseItems(version) };
}

function compareStrings(a: string, b: string): Ordering {
  return a === b ? 0 : a < b ? -1 : 1;
}

function compareNumbers(a: NumItem, b: NumItem): Ordering {
  if (a.size !== b.size) return sign(a.size - b.size);
  if (a.digits.length !== b.digits.length) return sign(a.digits.length - b.digits.length);
  return compareStrings(a.digits, b.digits);
}

/** A number or qualifier compared with a missing item. */
function compareScalarWithNothing(item: NumItem | StrItem): Ordering {
  if (item.t === 0) return item.digits === '0' ? 0 : 1;
  return compareStrings(item.key, RELEASE_KEY);
}

/**
 * item.compareTo(null): a list compares each of its items with nothing and returns the first
 * difference. Only a list's last item can be a list, so this descends iteratively.
 */
function compareWithNothing(item: Item): Ordering {
  let current: Item = item;
  while (current.t === 2) {
    const items = current.items;
    const last = items[items.length - 1];
    if (last === undefined) return 0;
    for (let i = 0; i < items.length - 1; i++) {
      const result = compareScalarWithNothing(items[i] as NumItem | StrItem);
      if (result !== 0) return result;
    }
    current = last;
  }
  return compareScalarWithNothing(current);
}

/** Items of different types: number > list > qualifier. Same scalar types compare by value. */
function compareScalar(a: Item, b: Item): Ordering {
  if (a.t === 0 && b.t === 0) return compareNumbers(a, b);
  if (a.t === 1 && b.t === 1) return compareStrings(a.key, b.key);
  const rank = (x: Item): number => (x.t === 0 ? 2 : x.t === 2 ? 1 : 0);
  return sign(rank(a) - rank(b));
}

/** ListItem.compareTo(ListItem), iterating into trailing sub-lists instead of recursing. */
function compareLists(left: ListItem, right: ListItem): Ordering {
  let a = left;
  let b = right;
  for (;;) {
    const n = Math.max(a.items.length, b.items.length);
    let next: [ListItem, ListItem] | undefined;
    for (let i = 0; i < n && next === undefined; i++) {
      const x = a.items[i];
      const y = b.items[i];
      if (x !== undefined && y !== undefined && x.t === 2 && y.t === 2) next = [x, y];
      else {
        const result = x === undefined ? (-compareWithNothing(y!) as Ordering) : y === undefined ? compareWithNothing(x) : compareScalar(x, y);
        if (result !== 0) return result;
      }
    }
    if (next === undefined) return 0;
    [a, b] = next;
  }
}

/** Compares two parsed Maven versions like ComparableVersion.compareTo. */
export function compareMavenVersions(a: MavenVersion, b: MavenVersion): Ordering {
  return compareLists(a.items, b.items);
}

/**
 * Maven ComparableVersion ordering (maven-artifact 3.8.7).
 * @example mavenScheme.compare('1.0-alpha-1', '1.0') // -1
 */
export const mavenScheme: VersionScheme<MavenVersion> = defineScheme('maven', parseMavenVersion, compareMavenVersions);
