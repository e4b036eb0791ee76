import { invalidInput } from '@patchloop/core';
import type { FeedFormat, FeedSourceName } from './feed-format.js';
import { FEED_SOURCE_NAMES } from './feed-format.js';
import { debianOvalFormat } from './debian-oval/oval.format.js';
import { kevFeed } from './kev/kev.source.js';
import { epssFeed } from './epss/epss.source.js';
import { nvdFeed } from './nvd/nvd.source.js';
import { cve5Feed } from './cve5/cve5.source.js';
import { csafFormat } from './csaf/csaf.format.js';
import { osvFormat } from './osv/osv.source.js';
import { alpineSecdbFormat } from './alpine-secdb/secdb.source.js';
import { debianDsaFormat } from './debian-dsa/dsa.source.js';
import { debianTrackerFormat } from './debian-tracker/tracker.source.js';
import { ubuntuOvalFormat } from './ubuntu-oval/ubuntu-oval.format.js';

/** Every feed format by source name: add a source by adding its folder and one line here. */
export const feedFormats: Partial<Record<FeedSourceName, FeedFormat>> = {
  osv: osvFormat,
  'debian-oval': debianOvalFormat,
  'debian-dsa': debianDsaFormat,
  'debian-tracker': debianTrackerFormat,
  'ubuntu-oval': ubuntuOvalFormat,
  'alpine-secdb': alpineSecdbFormat,
  csaf: csafFormat,
  kev: kevFeed,
  epss: epssFeed,
  nvd: nvdFeed,
  cve5: cve5Feed,
};

/** The format for a source name, or E_FEED_SOURCE_UNKNOWN listing the known ones. */
export function getFeedFormat(source: string): FeedFormat {
  const format = (FEED_SOURCE_NAMES as readonly string[]).includes(source) ? feedFormats[source as FeedSourceName] : undefined;
  if (!format) throw invalidInput('E_FEED_SOURCE_UNKNOWN', `unknown feed source "${source}"; known: ${Object.keys(feedFormats).join(', ')}`, { field: 'source' });
  return format;
}

/** The first format whose detector recognizes the content (order: most specific first). */
export function detectFeedFormat(head: string, fileName: string): FeedFormat | undefined {
  return Object.values(feedFormats).find((f) => f?.detect(head, fileName));
}
