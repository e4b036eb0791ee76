import type { Command } from 'commander';
import { openMigratedStore, type DbFlags } from '../store-options.js';
import { printJson, printTable } from '../output.js';
import { registerFeedsSyncCommand } from './feeds-sync.command.js';
import { registerFeedsBundleCommands } from './feeds-bundle.command.js';

const dbOption = ['--db <file-or-url>', 'SQLite file or postgres:// URL (default ./data/patchloop.db, or PATCHLOOP_DB / DATABASE_URL)'] as const;

/** patchloop feeds import|status|sync|bundle */
export function registerFeedsCommands(program: Command): void {
  const feeds = program.command('feeds').description('advisory and threat-intelligence feeds');
  feeds
    .command('import <path>')
    .description('import a feed file or directory (format detected from content); atomic per source, idempotent')
    .option(...dbOption)
    .option('--source <name>', 'osv | debian-oval | debian-dsa | debian-tracker | ubuntu-oval | alpine-secdb | csaf | nvd | cve5 | kev | epss')
    .option('--strict', 'refuse the whole input when any record is invalid')
    .option('--json', 'machine-readable output')
    .action(async (path: string, o: DbFlags & { source?: string; strict?: boolean; json?: boolean }) => {
      const { importFeedPath } = await import('@patchloop/server/services');
      const store = await openMigratedStore(o);
      try {
        const r = await importFeedPath(store, path, { ...(o.source ? { source: o.source } : {}), strict: o.strict ?? false });
        if (o.json) return printJson(r);
        printImport(r);
      } finally {
        await store.close();
      }
    });
  feeds
    .command('status')
    .description('per source: last success, records, data date, age, last error, stale flag')
    .option(...dbOption)
    .option('--max-age <list>', 'freshness limits, e.g. kev=36h,epss=2d (default per source; also PATCHLOOP_FEED_MAX_AGE)')
    .option('--json', 'machine-readable output')
    .action(async (o: DbFlags & { maxAge?: string; json?: boolean }) => {
      const [{ buildFeedStatus }, { parseFreshness }] = await Promise.all([import('@patchloop/server/services'), import('@patchloop/feeds')]);
      const store = await openMigratedStore(o);
      try {
        const overrides = parseFreshness(o.maxAge ?? process.env.PATCHLOOP_FEED_MAX_AGE ?? '');
        const sources = buildFeedStatus(await store.feeds.listSourceStatus(), new Date().toISOString(), overrides);
        if (o.json) return printJson({ sources });
        printTable(['source', 'records', 'data date', 'age', 'last success', 'stale', 'last error'], sources.map((s) => [s.source, s.records, s.dataDate?.slice(0, 10), s.ageSeconds === undefined ? '' : humanAge(s.ageSeconds), s.lastSuccessAt, s.stale ? 'STALE' : 'ok', s.lastError]));
      } finally {
        await store.close();
      }
    });
  registerFeedsSyncCommand(feeds, dbOption);
  registerFeedsBundleCommands(feeds, dbOption);
}

function printImport(r: Awaited<ReturnType<typeof import('@patchloop/server/services')['importFeedPath']>>): void {
  if (r.unchanged) {
    console.log(`${r.source}: unchanged since the last import (${r.seconds.toFixed(2)} s)`);
    return;
  }
  console.log(`${r.source}: ${r.records} records (${r.advisories} advisories, ${r.intel} intel), ${r.rejected.length} rejected; data date ${r.dataDate ?? 'unknown'}; ${r.changes.added} added, ${r.changes.changed} changed, ${r.changes.removed} removed; findings ${r.rematch.opened} opened, ${r.rematch.resolved} resolved on ${r.rematch.assets} assets (${r.seconds.toFixed(2)} s)`);
  for (const x of r.rejected.slice(0, 10)) console.error(`rejected ${x.location}${x.recordId ? ` ${x.recordId}` : ''}: ${x.reason}`);
  if (r.rejected.length > 10) console.error(`... and ${r.rejected.length - 10} more rejected (see --json)`);
}

function humanAge(seconds: number): string {
  if (seconds < 3600) return `${Math.round(seconds / 60)}m`;
  if (seconds < 172_800) return `${Math.round(seconds / 3600)}h`;
  return `${Math.round(seconds / 86_400)}d`;
}
