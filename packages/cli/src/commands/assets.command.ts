import type { Command } from 'commander';
import { parseInstant, type AssetKind, type Exposure } from '@patchloop/core';
import type { InventoryFormat } from '@patchloop/inventory';
import { openMigratedStore, type DbFlags } from '../store-options.js';
import { printJson, printTable } from '../output.js';
import { resolveAsset } from './asset-ref.js';

const dbOption = ['--db <file-or-url>', 'SQLite file or postgres:// URL (default ./data/patchloop.db, or PATCHLOOP_DB / DATABASE_URL)'] as const;

/** patchloop assets list|show|software|changes|import */
export function registerAssetsCommands(program: Command): void {
  const assets = program.command('assets').description('assets and their installed software');
  assets
    .command('list')
    .description('list assets')
    .option(...dbOption)
    .option('--kind <kind>', 'host | image | application')
    .option('--environment <env>')
    .option('--exposure <exposure>', 'internet | internal | isolated')
    .option('--tag <tag>')
    .option('--group <group>')
    .option('--q <text>', 'name contains')
    .option('--limit <n>', 'at most this many', '100')
    .option('--json', 'machine-readable output')
    .action(async (o: DbFlags & { kind?: string; environment?: string; exposure?: string; tag?: string; group?: string; q?: string; limit: string; json?: boolean }) =>
      withStore(o, async (store) => {
        const filter = { kind: o.kind as AssetKind | undefined, environment: o.environment, exposure: o.exposure as Exposure | undefined, tag: o.tag, group: o.group, nameContains: o.q };
        const page = await store.assets.listAssets(Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined)), { limit: Number(o.limit) || 100 });
        if (o.json) return printJson(page);
        printTable(['id', 'kind', 'name', 'os', 'env', 'crit', 'exposure', 'last seen'], page.items.map((a) => [a.id, a.kind, a.name, a.os ? `${a.os.id ?? a.os.family} ${a.os.version ?? ''}` : '', a.environment, a.criticality, a.exposure, a.lastSeen]));
      }),
    );
  assets
    .command('show <asset>')
    .description('one asset by id or name')
    .option(...dbOption)
    .option('--json', 'machine-readable output')
    .action(async (ref: string, o: DbFlags & { json?: boolean }) => withStore(o, async (store) => printJson(await resolveAsset(store, ref))));
  assets
    .command('software <asset>')
    .description('software installed on an asset now, or at a past time with --at')
    .option(...dbOption)
    .option('--at <time>', 'ISO-8601 date or date-time, e.g. 2026-11-01 or 2026-11-01T10:00Z')
    .option('--json', 'machine-readable output')
    .action(async (ref: string, o: DbFlags & { at?: string; json?: boolean }) =>
      withStore(o, async (store) => {
        const asset = await resolveAsset(store, ref);
        const at = o.at === undefined ? undefined : parseInstant(o.at, '--at');
        const packages = await store.inventory.listSoftware(asset.id, at);
        if (o.json) return printJson({ assetId: asset.id, at: at ?? new Date().toISOString(), packages });
        printTable(['ecosystem', 'name', 'version', 'arch', 'source'], packages.map((p) => [p.ecosystem, p.name, p.version, p.arch, p.sourceName ? `${p.sourceName} ${p.sourceVersion ?? ''}` : '']));
      }),
    );
  assets
    .command('changes <asset>')
    .description('every software change of an asset, oldest first')
    .option(...dbOption)
    .option('--since <time>')
    .option('--until <time>')
    .option('--json', 'machine-readable output')
    .action(async (ref: string, o: DbFlags & { since?: string; until?: string; json?: boolean }) =>
      withStore(o, async (store) => {
        const asset = await resolveAsset(store, ref);
        const range = { ...(o.since ? { since: parseInstant(o.since, '--since') } : {}), ...(o.until ? { until: parseInstant(o.until, '--until') } : {}) };
        const changes = await store.inventory.listSoftwareChanges(asset.id, range);
        if (o.json) return printJson({ assetId: asset.id, changes });
        printTable(['at', 'change', 'package', 'before', 'after'], changes.map((c) => [c.at, c.kind, (c.after ?? c.before)!.name, c.before?.version, c.after?.version]));
      }),
    );
  assets
    .command('import <file>')
    .description('import an SBOM, lockfile or package database as an asset (all or nothing)')
    .option(...dbOption)
    .option('--format <format>', 'cyclonedx | spdx | npm-lock | requirements | poetry-lock | dpkg-status | rpm-qa | apk-installed (default: detected)')
    .option('--name <asset>', 'asset name (default: from the document, else the file name)')
    .option('--ecosystem <name>', 'ecosystem for package databases, e.g. Debian:12')
    .option('--json', 'machine-readable output')
    .action(async (file: string, o: DbFlags & { format?: string; name?: string; ecosystem?: string; json?: boolean }) => {
      const { readInventoryFile } = await import('@patchloop/inventory');
      const snapshot = await readInventoryFile(file, { ...(o.format ? { format: o.format as InventoryFormat } : {}), ...(o.name ? { assetName: o.name } : {}), ...(o.ecosystem ? { ecosystem: o.ecosystem } : {}) });
      await withStore(o, async (store) => {
        const { recordSnapshot } = await import('@patchloop/store');
        const r = await recordSnapshot(store, snapshot, new Date().toISOString());
        if (o.json) return printJson(r);
        console.log(`${r.created ? 'created' : 'updated'} ${r.asset.kind} "${r.asset.name}" (${r.asset.id}): ${r.summary.added} added, ${r.summary.removed} removed, ${r.summary.changed} changed, ${r.summary.unchanged} unchanged`);
        for (const w of r.warnings.slice(0, 10)) console.error(`warning: ${w}`);
      });
    });
}

async function withStore<T>(flags: DbFlags, fn: (store: Awaited<ReturnType<typeof openMigratedStore>>) => Promise<T>): Promise<T> {
  const store = await openMigratedStore(flags);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}
