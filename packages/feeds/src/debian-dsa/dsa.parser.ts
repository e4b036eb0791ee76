import type { Readable } from 'node:stream';
import { invalidInput } from '@patchloop/core';
import { E_DSA_LIST_INVALID } from './dsa.errors.js';
import { readLines } from './dsa.lines.js';
import type { DsaListEntry, DsaReleaseLine } from './dsa.types.js';

/** `[29 Mar 2023] DSA-5380-1 xorg-server - security update` */
export const DSA_HEADER = /^\[(\d{1,2} [A-Za-z]{3} \d{4})\]\s+(D[SL]A-\d+(?:-\d+)?)\b\s*(.*)$/;
const RELEASE_LINE = /^\[([^\]]+)\]\s+-\s+(\S+)\s*(.*)$/;
const TAGGED = /^<([^>]+)>\s*(?:\((.*)\))?\s*$/;

/** An entry plus the continuation lines it had that match no known shape. */
export interface ParsedDsaEntry extends DsaListEntry {
  unrecognized: { text: string; line: number }[];
}

/**
 * Parse a DSA/DLA list into entries, streaming line by line. Lines before the first header
 * or unindented lines that are not headers make the file invalid (E_DSA_LIST_INVALID);
 * unknown indented lines are kept in `unrecognized` for the mapper to reject the entry.
 *
 * @example
 * for await (const entry of parseDsaList(stream, { file: 'DSA-list', maxLineBytes: 1 << 20 })) entry.id;
 */
export async function* parseDsaList(input: Readable, { file, maxLineBytes }: { file: string; maxLineBytes: number }): AsyncGenerator<ParsedDsaEntry> {
  let current: ParsedDsaEntry | undefined;
  for await (const { text, line } of readLines(input, file, maxLineBytes)) {
    if (text.trim() === '') continue;
    const header = DSA_HEADER.exec(text);
    if (header) {
      if (current) yield current;
      current = { id: header[2] ?? '', date: header[1] ?? '', title: (header[3] ?? '').replace(/\s+/g, ' ').trim(), cves: [], releaseLines: [], notes: [], line, unrecognized: [] };
      continue;
    }
    if (!/^\s/.test(text) || current === undefined) throw invalidInput(E_DSA_LIST_INVALID, `expected an entry header "[dd Mon yyyy] DSA-n-n ...", got ${JSON.stringify(text.slice(0, 80))}`, { file, line });
    addContinuation(current, text.trim(), line);
  }
  if (current) yield current;
}

function addContinuation(entry: ParsedDsaEntry, text: string, line: number): void {
  if (text.startsWith('{') && text.endsWith('}')) return void entry.cves.push(...text.slice(1, -1).split(/\s+/).filter((t) => t !== ''));
  if (text.startsWith('NOTE:')) return void entry.notes.push(text.slice('NOTE:'.length).trim());
  const release = RELEASE_LINE.exec(text);
  const parsed = release ? releaseLineOf(release, line) : undefined;
  if (parsed) entry.releaseLines.push(parsed);
  else entry.unrecognized.push({ text, line });
}

function releaseLineOf(m: RegExpExecArray, line: number): DsaReleaseLine | undefined {
  const [, codename = '', pkg = '', rest = ''] = m;
  if (rest === '') return undefined;
  if (!rest.startsWith('<')) return { codename, package: pkg, version: rest.split(/\s+/)[0], line };
  const tagged = TAGGED.exec(rest);
  if (!tagged) return undefined;
  const out: DsaReleaseLine = { codename, package: pkg, tag: tagged[1], line };
  if (tagged[2] !== undefined && tagged[2] !== '') out.reason = tagged[2];
  return out;
}
