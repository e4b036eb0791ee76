import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import type { Advisory } from '@patchloop/core';
import { openInput, type Bzip2Decompressor } from '../shared/open-input.js';
import type { OvalDocument } from './oval.types.js';
import { parseDebianOval } from './oval.parser.js';
import { ovalToAdvisories, type OvalRejection } from './oval.mapper.js';

/** Counts for status reporting. tests/objects/states count the dpkginfo_* elements only. */
export interface DebianOvalCounts {
  definitions: number;
  vulnerability: number;
  patch: number;
  tests: number;
  objects: number;
  states: number;
}

/** What one file import produced. */
export interface DebianOvalImport {
  advisories: Advisory[];
  rejected: OvalRejection[];
  /** The generator timestamp verbatim ("2023-07-14T03:39:10.188-04:00"): the data date. */
  dataDate: string | undefined;
  counts: DebianOvalCounts;
}

/**
 * How to decompress bzip2: 'js' = unbzip2-stream in this thread (~4.8 s for the 2.85 MB
 * bookworm file), 'bzip2-cli' = the system `bzip2 -dc` in a child process (~1.3 s, on
 * another core, overlapping the parse), 'auto' = the CLI when `bzip2` is on PATH, else 'js'.
 */
export type { Bzip2Decompressor };

/** Options for {@link openOvalInput}. */
export interface OpenOvalInputOptions {
  decompressor?: Bzip2Decompressor;
}

/** Options for {@link readDebianOvalFile}. */
export interface ReadDebianOvalFileOptions extends OpenOvalInputOptions {
  /** Provenance fetchedAt; defaults to the file's modification time (when it was downloaded). */
  fetchedAt?: string;
  /** Force the release ("12", "bookworm") instead of reading each definition's platform. */
  release?: string;
}

/**
 * Read a Debian OVAL file, plain XML or bzip2 (detected from the "BZh" magic bytes, not the
 * name), parse it as a stream and map it to advisories.
 *
 * @example
 * const { advisories, counts, dataDate } = await readDebianOvalFile('oval-definitions-bookworm.xml.bz2');
 * counts.definitions; // 25932
 */
export async function readDebianOvalFile(
  path: string,
  { fetchedAt, release, decompressor = 'auto' }: ReadDebianOvalFileOptions = {},
): Promise<DebianOvalImport> {
  const at = fetchedAt ?? (await stat(path)).mtime.toISOString();
  const doc = await parseDebianOval(await openOvalInput(path, { decompressor }), { file: basename(path) });
  const { advisories, rejected } = ovalToAdvisories(doc, { fetchedAt: at, release });
  return { advisories, rejected, dataDate: doc.generator.timestamp, counts: countOvalDocument(doc) };
}

/**
 * Open a file as a stream of XML bytes, decompressing bzip2 when the file starts with "BZh".
 * Corrupt or truncated bzip2 data makes the stream fail with E_BZ2_INVALID.
 */
export async function openOvalInput(path: string, { decompressor = 'auto' }: OpenOvalInputOptions = {}): Promise<Readable> {
  return openInput(path, { decompressor });
}

/** Count definitions by class and the dpkginfo tests, objects and states of a document. */
export function countOvalDocument(doc: OvalDocument): DebianOvalCounts {
  return {
    definitions: doc.definitions.length,
    vulnerability: doc.definitions.filter((d) => d.class === 'vulnerability').length,
    patch: doc.definitions.filter((d) => d.class === 'patch').length,
    tests: doc.counts.tests.dpkginfo_test ?? 0,
    objects: doc.counts.objects.dpkginfo_object ?? 0,
    states: doc.counts.states.dpkginfo_state ?? 0,
  };
}
