import { basename } from 'node:path';
import type { Advisory } from '@patchloop/core';
import type { FeedFormat, FeedParseOptions, FeedParseResult, FeedRejection } from '../feed-format.js';
import { DEFAULT_INPUT_LIMITS, type InputLimits } from '../shared/input-limits.js';
import { openInput } from '../shared/open-input.js';
import { enforceStrict } from '../shared/strict.js';
import { dsaEntryToAdvisory } from './dsa.mapper.js';
import { DSA_HEADER, parseDsaList } from './dsa.parser.js';

/** Options for {@link createDebianDsaFormat}. */
export interface DebianDsaFormatOptions {
  limits?: Partial<InputLimits>;
}

/**
 * The Debian security tracker's DSA and DLA lists (`data/DSA/list`, `data/DLA/list`; plain,
 * gzip or bzip2). One Advisory per entry; `records` counts entries; `dataDate` is the newest
 * entry date.
 *
 * @example
 * const { advisories, records } = await debianDsaFormat.parsePath('DSA-list', { fetchedAt });
 * records; // 5406
 */
export function createDebianDsaFormat({ limits = {} }: DebianDsaFormatOptions = {}): FeedFormat {
  const lim: InputLimits = { ...DEFAULT_INPUT_LIMITS, ...limits };
  return {
    source: 'debian-dsa',
    detect: detectDebianDsa,
    parsePath: async (path: string, { fetchedAt, strict, displayName }: FeedParseOptions): Promise<FeedParseResult> => {
      const file = displayName ?? basename(path);
      const input = await openInput(path, { limits: lim });
      const advisories: Advisory[] = [];
      const rejected: FeedRejection[] = [];
      let records = 0;
      for await (const entry of parseDsaList(input, { file, maxLineBytes: lim.maxLineBytes })) {
        records += 1;
        const result = dsaEntryToAdvisory(entry, { file, fetchedAt });
        if (result.advisory) advisories.push(result.advisory);
        rejected.push(...result.rejected);
      }
      const dataDate = advisories.reduce<string | undefined>((max, a) => (a.published !== undefined && (max === undefined || a.published > max) ? a.published : max), undefined);
      return enforceStrict({ source: 'debian-dsa', advisories, intel: [], rejected, records, ...(dataDate ? { dataDate } : {}) }, strict, file);
    },
  };
}

/** The DSA/DLA lists with the default limits. */
export const debianDsaFormat: FeedFormat = createDebianDsaFormat();

/** True when the first non-empty line is an entry header: `[29 Mar 2023] DSA-5380-1 ...`. */
export function detectDebianDsa(head: string, _fileName: string): boolean {
  const first = head.split('\n').find((l) => l.trim() !== '');
  return first !== undefined && DSA_HEADER.test(first.replace(/\r$/, ''));
}
