import type { Command } from 'commander';
import { DomainError } from '@patchloop/core';
import type { FeedSourceName, SourceSyncResult } from '@patchloop/feeds';
import { EXIT } from '../exit-codes.js';
import { printJson, printTable } from '../output.js';
import { openMigratedStore, type DbFlags } from '../store-options.js';

type DbOption = readonly [string, string];

interface SyncFlags extends DbFlags {
  mirror?: string;
  cache: string;
  json?: boolean;
  debianReleases?: string;
  ubuntuReleases?: string;
  alpineReleases?: string;
  osvEcosystems?: string;
  checksums?: boolean;
  timeout?: string;
  csafProvider?: string;
  csafMaxDocuments?: string;
}

/** Sources synced when none are named: everything but NVD (a first full run takes long) and CSAF (a vendor's provider, up to --csaf-max-documents documents: name it to opt in). */
const DEFAULT_SYNC_EXCLUDES: readonly FeedSourceName[] = ['nvd', 'csaf'];

/** patchloop feeds sync [SOURCE...] */
export function registerFeedsSyncCommand(feeds: Command, dbOption: DbOption): void {
  feeds
    .command('sync [sources...]')
    .description('download feeds from their official URLs (or --mirror) and import what changed; conditional, retried, atomic per source')
    .option(...dbOption)
    .option('--mirror <url>', 'fetch every file from this base URL (layout in packages/feeds/src/sync/README.md; also PATCHLOOP_FEED_MIRROR)')
    .option('--cache <dir>', 'download cache (files per source, validators in .sync-state/)', './data/feeds')
    .option('--debian-releases <list>', 'Debian OVAL releases, e.g. bookworm,trixie (default bookworm)')
    .option('--ubuntu-releases <list>', 'Ubuntu OVAL releases (default noble)')
    .option('--alpine-releases <list>', 'Alpine secdb releases, e.g. 3.21,3.22 (default 3.22)')
    .option('--osv-ecosystems <list>', 'OSV ecosystems (default Go,npm,PyPI,Maven,Debian,Alpine)')
    .option('--checksums', 'require and verify <url>.sha256 sidecars (mirrors may publish them; the official sources do not)')
    .option('--csaf-provider <url>', 'CSAF provider-metadata.json (default Red Hat\'s; with --mirror <mirror>/csaf/provider-metadata.json)')
    .option('--csaf-max-documents <n>', 'CSAF: most documents kept, newest first; older ones are skipped and reported (raise it later to fill them in)', '2000')
    .option('--timeout <seconds>', 'per-attempt timeout without progress', '60')
    .option('--json', 'machine-readable output')
    .action(async (names: string[], o: SyncFlags) => {
      const [{ syncFeeds, FEED_SOURCE_NAMES }, { importFeedPath }] = await Promise.all([import('@patchloop/feeds'), import('@patchloop/server/services')]);
      const sources = chooseSources(names, FEED_SOURCE_NAMES);
      const mirror = o.mirror ?? process.env.PATCHLOOP_FEED_MIRROR;
      const timeoutSeconds = Number(o.timeout);
      if (!(timeoutSeconds > 0)) throw new DomainError('E_TIMEOUT_INVALID', 'invalid_input', `--timeout must be a positive number of seconds, got "${o.timeout}"`, { location: { field: 'timeout' } });
      const csafMaxDocuments = Number(o.csafMaxDocuments);
      if (!Number.isInteger(csafMaxDocuments) || csafMaxDocuments < 1) throw new DomainError('E_CSAF_MAX_DOCUMENTS_INVALID', 'invalid_input', `--csaf-max-documents must be a positive integer, got "${o.csafMaxDocuments}"`, { location: { field: 'csaf-max-documents' } });
      const store = await openMigratedStore(o);
      try {
        const results = await syncFeeds({
          sources, cacheDir: o.cache, ...(mirror ? { mirror } : {}), selection: selectionFrom(o), checksumSidecars: o.checksums ?? false,
          fetcher: { timeoutMs: timeoutSeconds * 1000, onAttempt: (a) => { if (a.outcome === 'failed' && !o.json) console.error(`${a.url}: attempt ${a.attempt} failed: ${a.error}${a.delayMs === undefined ? '' : `; retrying in ${(a.delayMs / 1000).toFixed(1)} s`}`); } },
          nvd: { ...(process.env.NVD_API_KEY ? { apiKey: process.env.NVD_API_KEY } : {}) },
          csaf: { maxDocuments: csafMaxDocuments, ...(o.csafProvider ? { providerMetadataUrl: o.csafProvider } : {}) },
          importPath: (source, path, origin) => importFeedPath(store, path, { source, origin }),
          recordAttempt: (source, error) => store.feeds.recordAttempt(source, new Date().toISOString(), error ? { error } : {}),
        });
        if (o.json) printJson({ results });
        else printSync(results);
        // A CSAF document refused or failing its checksum is not fatal for the run, but not a success either.
        if (results.some((r) => r.status === 'failed' || (r.failures?.length ?? 0) > 0)) process.exitCode = EXIT.unavailable;
      } finally {
        await store.close();
      }
    });
}

function chooseSources(names: string[], known: readonly FeedSourceName[]): FeedSourceName[] {
  const unknown = names.filter((n) => !(known as readonly string[]).includes(n));
  if (unknown.length > 0) throw new DomainError('E_FEED_SOURCE_UNKNOWN', 'invalid_input', `unknown feed source ${unknown.map((u) => `"${u}"`).join(', ')}; known: ${known.join(', ')}`, { location: { field: 'source' } });
  return names.length > 0 ? [...new Set(names as FeedSourceName[])] : known.filter((s) => !DEFAULT_SYNC_EXCLUDES.includes(s));
}

function selectionFrom(o: SyncFlags): Record<string, string[]> {
  const list = (text: string | undefined): string[] | undefined => text?.split(',').map((s) => s.trim()).filter(Boolean);
  const entries = { debianReleases: list(o.debianReleases), ubuntuReleases: list(o.ubuntuReleases), alpineReleases: list(o.alpineReleases), osvEcosystems: list(o.osvEcosystems) };
  return Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== undefined)) as Record<string, string[]>;
}

function printSync(results: SourceSyncResult[]): void {
  printTable(['source', 'status', 'downloaded', 'not modified', 'detail'], results.map((r) => [
    r.source, r.status, r.files.filter((f) => f.status === 'downloaded').length, r.files.filter((f) => f.status === 'not-modified').length, r.error ?? [r.note, importSummary(r.imported)].filter(Boolean).join('; '),
  ]));
  for (const r of results) for (const f of r.failures ?? []) console.error(`${r.source}: ${f.entry}: ${f.error}`);
}

function importSummary(report: unknown): string | undefined {
  const r = report as { unchanged?: boolean; records?: number; rejected?: unknown[] } | undefined;
  if (!r) return undefined;
  return r.unchanged ? 'content unchanged' : `${r.records ?? 0} records, ${r.rejected?.length ?? 0} rejected`;
}
