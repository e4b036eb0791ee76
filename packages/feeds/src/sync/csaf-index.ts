import { DomainError, isDomainError } from '@patchloop/core';
import { E_CSAF_UNSAFE_PATH, checkCsafRelPath } from './csaf-provider.js';

/** One document a provider lists: where it is, where it goes, when it last changed. */
export interface CsafIndexEntry {
  /** Path under <cache>/csaf/ (checked by checkCsafRelPath). */
  relPath: string;
  url: string;
  /** The provider's timestamp as written. */
  updated: string;
  updatedMs: number;
  /** Checksum sidecars to try in order (.sha256 before .sha512, or the ROLIE "hash" links). */
  hashUrls: string[];
}

/** An entry that was refused (unsafe path, bad timestamp, malformed line), named for the report. */
export interface CsafIndexProblem {
  entry: string;
  url?: string;
  error: string;
  /** When known, so a problem is reported once (while it is newer than the last sync). */
  updated?: string;
  updatedMs?: number;
}

export interface CsafIndex {
  entries: CsafIndexEntry[];
  problems: CsafIndexProblem[];
}

/** The index of a directory distribution is not what CSAF 2.0 section 7.1.14 describes. */
export const E_CSAF_INDEX_INVALID = 'E_CSAF_INDEX_INVALID';

/**
 * Reads a directory distribution's changes.csv (`"path","timestamp"` per line, newest first).
 *
 * @example
 * parseChangesCsv('"2024/rhsa-2024_4546.json","2024-07-16T13:38:03+00:00"\n', 'https://h/advisories/');
 */
export function parseChangesCsv(text: string, directoryUrl: string): CsafIndex {
  const index: CsafIndex = { entries: [], problems: [] };
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '') return;
    const label = `changes.csv line ${i + 1}`;
    const fields = splitCsvLine(line);
    if (!fields || fields.length < 2) return void index.problems.push({ entry: label, error: `${E_CSAF_INDEX_INVALID}: expected "path","timestamp", got ${JSON.stringify(line.slice(0, 200))}` });
    const [path, updated] = fields as [string, string];
    addEntry(index, label, updated, () => ({ relPath: checkCsafRelPath(path, label), url: new URL(path, directoryUrl).href }));
  });
  return index;
}

/** `"a","b"` (with "" escapes) or `a,b`; undefined for an unterminated quote. */
function splitCsvLine(line: string): string[] | undefined {
  const fields: string[] = [];
  const re = /\s*(?:"((?:[^"]|"")*)"|([^,"]*))\s*(,|$)/gy;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line)) !== null) {
    fields.push(m[1] !== undefined ? m[1].replace(/""/g, '"') : (m[2] ?? '').trim());
    if (m[3] === '') return re.lastIndex >= line.length ? fields : undefined;
  }
  return undefined;
}

interface RolieEntryJson {
  id?: unknown;
  updated?: unknown;
  link?: { rel?: unknown; href?: unknown }[];
  content?: { src?: unknown };
}

/**
 * Reads a ROLIE feed (`{"feed": {"entry": [...]}}`): the document is `content.src` (else the
 * link with rel "self"), its checksums the links with rel "hash", its time `updated`. Documents
 * must live under the feed's own directory; their path below it is the cache path.
 */
export function parseRolieFeed(json: unknown, feedUrl: string): CsafIndex {
  const feed = (json as { feed?: { entry?: unknown } } | null)?.feed;
  if (!feed || typeof feed !== 'object') throw new DomainError(E_CSAF_INDEX_INVALID, 'invalid_input', `${feedUrl}: not a ROLIE feed (no "feed" object)`);
  const entries = feed.entry === undefined ? [] : feed.entry;
  if (!Array.isArray(entries)) throw new DomainError(E_CSAF_INDEX_INVALID, 'invalid_input', `${feedUrl}: feed.entry is not an array`);
  const index: CsafIndex = { entries: [], problems: [] };
  const base = new URL('.', feedUrl);
  (entries as RolieEntryJson[]).forEach((e, i) => {
    const label = `${feedUrl} entry ${typeof e?.id === 'string' ? `"${e.id}"` : i}`;
    const links = Array.isArray(e?.link) ? e.link : [];
    const href = typeof e?.content?.src === 'string' ? e.content.src : links.find((l) => l?.rel === 'self' && typeof l.href === 'string')?.href;
    if (typeof href !== 'string') return void index.problems.push({ entry: label, error: `${E_CSAF_INDEX_INVALID}: no content.src and no link rel "self"` });
    const hashUrls = links.filter((l) => l?.rel === 'hash' && typeof l.href === 'string' && URL.canParse(l.href) && new URL(l.href).origin === base.origin).map((l) => l.href as string);
    addEntry(index, label, String(e.updated ?? ''), () => ({ relPath: relPathUnder(href, base, label), url: href }), hashUrls);
  });
  return index;
}

/** The path of an absolute document URL below `base`, refused when it leaves base or its host. */
function relPathUnder(href: string, base: URL, label: string): string {
  const refuse = (why: string): DomainError => new DomainError(E_CSAF_UNSAFE_PATH, 'invalid_input', `${label}: "${href}" refused: ${why}`);
  if (!URL.canParse(href)) throw refuse('not an absolute URL');
  const rawPath = href.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '').split(/[?#]/)[0] ?? '';
  if (rawPath.split('/').some((s) => /^(\.|%2e){1,2}$/i.test(s))) throw refuse('"." or ".." segments');
  const url = new URL(href);
  if (url.origin !== base.origin) throw refuse(`another host than the feed (${base.origin})`);
  if (!url.pathname.startsWith(base.pathname) || url.search || url.hash) throw refuse(`not a plain path under ${base.href}`);
  return checkCsafRelPath(url.pathname.slice(base.pathname.length), label);
}

function addEntry(index: CsafIndex, label: string, updated: string, locate: () => { relPath: string; url: string }, hashUrls: string[] = []): void {
  const updatedMs = Date.parse(updated);
  try {
    const { relPath, url } = locate();
    if (Number.isNaN(updatedMs)) throw new DomainError(E_CSAF_INDEX_INVALID, 'invalid_input', `${label}: timestamp "${updated}" is not a date`);
    index.entries.push({ relPath, url, updated, updatedMs, hashUrls: hashUrls.length > 0 ? hashUrls : [`${url}.sha256`, `${url}.sha512`] });
  } catch (e) {
    if (!isDomainError(e)) throw e;
    index.problems.push({ entry: label, error: `${e.code}: ${e.message}`, ...(Number.isNaN(updatedMs) ? {} : { updated, updatedMs }) });
  }
}
