import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Store } from '@patchloop/store';

/** The bundled real feed snapshot (repository folder snapshot/, see its README). */
export const SNAPSHOT_PARTS: readonly { source: string; file: string }[] = [
  { source: 'debian-oval', file: 'oval-definitions-bookworm.xml.bz2' },
  { source: 'kev', file: 'known_exploited_vulnerabilities.json.gz' },
  { source: 'epss', file: 'epss_scores-2025-04-15.oval-kev-subset.csv.gz' },
  { source: 'osv', file: 'osv' },
];

export function snapshotDir(): string {
  return fileURLToPath(new URL('../../../snapshot/', import.meta.url));
}

/**
 * Imports every bundled part whose source has no data yet (a source already synced from live
 * feeds is left alone). Unchanged parts are skipped by the import itself in milliseconds.
 */
export async function importSnapshot(store: Store, log: (line: string) => void): Promise<void> {
  const { importFeedPath } = await import('@patchloop/server/services');
  const have = new Map((await store.feeds.listSourceStatus()).map((s) => [s.source, s]));
  for (const part of SNAPSHOT_PARTS) {
    const path = `${snapshotDir()}${part.file}`;
    const current = have.get(part.source);
    if (!existsSync(path) || (current?.activeVersionId && !current.origin?.startsWith('snapshot:'))) continue;
    const r = await importFeedPath(store, path, { source: part.source, origin: `snapshot:${part.file}` });
    if (!r.unchanged) log(`imported bundled ${part.source}: ${r.records} records (${r.seconds.toFixed(1)} s)`);
  }
}
