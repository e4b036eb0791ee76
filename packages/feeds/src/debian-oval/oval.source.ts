import { spawn } from 'node:child_process';
import { constants, createReadStream } from 'node:fs';
import { access, open, stat } from 'node:fs/promises';
import { basename, delimiter, join } from 'node:path';
import { PassThrough, type Readable } from 'node:stream';
import unbzip2Stream from 'unbzip2-stream';
import { invalidInput, type Advisory } from '@patchloop/core';
import type { OvalDocument } from './oval.types.js';
import { parseDebianOval } from './oval.parser.js';
import { ovalToAdvisories, type OvalRejection } from './oval.mapper.js';
import { E_BZ2_INVALID } from './oval.errors.js';

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
export type Bzip2Decompressor = 'auto' | 'js' | 'bzip2-cli';

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

const BZIP2_MAGIC = Buffer.from('BZh', 'latin1');

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
  if (!(await startsWith(path, BZIP2_MAGIC))) return createReadStream(path);
  const useCli = decompressor === 'bzip2-cli' || (decompressor === 'auto' && (await findOnPath('bzip2')) !== undefined);
  return useCli ? bunzip2WithCli(path) : bunzip2WithJs(createReadStream(path), basename(path));
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

async function startsWith(path: string, magic: Buffer): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(magic.length);
    const { bytesRead } = await handle.read(head, 0, magic.length, 0);
    return bytesRead === magic.length && head.equals(magic);
  } finally {
    await handle.close();
  }
}

function bunzip2WithJs(raw: Readable, file: string): Readable {
  const out = new PassThrough();
  const decompressor = unbzip2Stream();
  raw.on('error', (e) => out.destroy(e));
  decompressor.on('error', (e: Error) => {
    raw.destroy();
    out.destroy(invalidInput(E_BZ2_INVALID, `corrupt bzip2 data: ${e.message}`, { file }, e));
  });
  out.on('close', () => raw.destroy());
  raw.pipe(decompressor).pipe(out);
  return out;
}

function bunzip2WithCli(path: string): Readable {
  const out = new PassThrough();
  const child = spawn('bzip2', ['-dc', '--', path], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    stderr += d;
  });
  child.on('error', (e) => out.destroy(e));
  child.stdout.pipe(out, { end: false });
  child.on('close', (code) => {
    if (code === 0) out.end();
    else out.destroy(invalidInput(E_BZ2_INVALID, `corrupt bzip2 data: bzip2 exited ${code}: ${stderr.trim()}`, { file: basename(path) }));
  });
  out.on('close', () => {
    if (child.exitCode === null) child.kill();
  });
  return out;
}

async function findOnPath(command: string): Promise<string | undefined> {
  for (const dir of (process.env.PATH ?? '').split(delimiter).filter((d) => d !== '')) {
    const candidate = join(dir, command);
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}
