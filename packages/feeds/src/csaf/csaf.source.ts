import { readdir, stat } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { invalidInput, type Advisory } from '@patchloop/core';
import type { FeedRejection } from '../feed-format.js';
import { openInput } from '../shared/open-input.js';
import type { CsafDocument } from './csaf.types.js';
import { describeCsafFailures, validateCsafDocument } from './csaf.validation.js';
import { csafToAdvisories } from './csaf.mapper.js';

/** The file is not JSON (or not UTF-8): the input is unusable, not one bad record. */
export const E_CSAF_JSON_INVALID = 'E_CSAF_JSON_INVALID';

/** What reading a CSAF file or directory produced. */
export interface CsafImport {
  advisories: Advisory[];
  rejected: FeedRejection[];
  /** Documents read. */
  documents: number;
  /** Newest `tracking.current_release_date` among the documents, ISO. */
  dataDate?: string;
}

/** Options for {@link readCsafPath}. */
export interface ReadCsafPathOptions {
  fetchedAt: string;
}

const DOCUMENT_FILE = /\.json(\.gz|\.bz2)?$/i;

/**
 * Read one CSAF 2.0 document or a directory of them (recursively, `*.json`, also gzip/bzip2
 * compressed), validate each (schema + mandatory tests) and map the valid ones. Invalid
 * documents are rejected as values naming the failing test and JSON pointer; a file that is
 * not JSON at all throws E_CSAF_JSON_INVALID.
 *
 * @example
 * const { advisories, rejected, documents } = await readCsafPath('csaf/redhat-rhsa', { fetchedAt });
 */
export async function readCsafPath(path: string, { fetchedAt }: ReadCsafPathOptions): Promise<CsafImport> {
  const isDir = (await stat(path)).isDirectory();
  const files = isDir ? await listDocumentFiles(path) : [path];
  const out: CsafImport = { advisories: [], rejected: [], documents: 0 };
  for (const file of files) {
    const name = isDir ? relative(path, file) : basename(file);
    const doc = await readJsonFile(file, name);
    out.documents += 1;
    await importDocument(doc, name, fetchedAt, out);
  }
  return out;
}

async function listDocumentFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && DOCUMENT_FILE.test(e.name))
    .map((e) => join(e.parentPath ?? e.path, e.name))
    .sort();
}

async function readJsonFile(path: string, name: string): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of await openInput(path)) chunks.push(chunk as Buffer);
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks)));
  } catch (e) {
    throw invalidInput(E_CSAF_JSON_INVALID, `not a JSON document: ${(e as Error).message}`, { file: name }, e);
  }
}

async function importDocument(doc: unknown, file: string, fetchedAt: string, out: CsafImport): Promise<void> {
  const trackingId = trackingIdOf(doc);
  const validation = await validateCsafDocument(doc);
  if (!validation.valid) {
    const pointer = validation.failures[0]?.instancePath ?? '';
    out.rejected.push({ ...(trackingId ? { recordId: trackingId } : {}), location: `${file}#${pointer}`, reason: `E_CSAF_INVALID: ${describeCsafFailures(validation.failures)}` });
    return;
  }
  const csaf = doc as CsafDocument;
  const mapped = csafToAdvisories(csaf, { fetchedAt });
  out.advisories.push(...mapped.advisories);
  out.rejected.push(...mapped.rejected.map((r) => ({ recordId: r.recordId, location: `${file}#${r.pointer}`, reason: `${r.code}: ${r.reason}` })));
  out.dataDate = newest(out.dataDate, csaf.document.tracking.current_release_date);
}

function trackingIdOf(doc: unknown): string | undefined {
  const id = (doc as { document?: { tracking?: { id?: unknown } } } | null)?.document?.tracking?.id;
  return typeof id === 'string' ? id : undefined;
}

function newest(current: string | undefined, candidate: string): string | undefined {
  const ms = Date.parse(candidate);
  if (Number.isNaN(ms)) return current;
  const iso = new Date(ms).toISOString();
  return current === undefined || iso > current ? iso : current;
}
