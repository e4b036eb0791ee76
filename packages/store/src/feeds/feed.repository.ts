import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { canonicalEcosystem, normalizePackageName, type Advisory, type PackageKind, type VulnerabilityIntel } from '@patchloop/core';
import type { Database, FeedSourceRow, FeedVersionRow } from '../schema.js';
import type { BulkInserter } from '../shared/bulk-insert.js';
import { newId } from '../shared/ids.js';
import { readJson } from '../shared/json.js';
import { ADVISORY_COLUMNS, INTEL_COLUMNS, MATCH_DOC_COLUMNS, MATCH_GROUP_COLUMNS, MatchGroupBuilder, PACKAGE_COLUMNS, advisoryMatchDocRow, advisoryPackageRows, advisoryRecordId, advisoryToRow, docToAdvisory, docToIntel, intelToRow, matchDocToAdvisory, type MatchGroupEntry } from './feed.mapper.js';
import type { AdvisoryChanges, FeedImportOutcome, FeedSourceStatus, FeedVersionInput, MatchDocHint, PackageGroup } from './feed.types.js';

export interface FeedRepository {
  /** True when the source's active version was imported from exactly this input. */
  isActiveInput(source: string, inputHash: string): Promise<boolean>;
  /**
   * Writes a complete new version and makes it active in one transaction (readers see the old set
   * or the new one), then drops the old version's records. Identical content changes nothing.
   */
  importVersion(input: FeedVersionInput, at: string): Promise<FeedImportOutcome>;
  /** Records a fetch/import attempt: success clears the error; a failure keeps the data as it was. */
  recordAttempt(source: string, at: string, outcome: { error?: string; etag?: string; lastModified?: string; url?: string }): Promise<void>;
  listSourceStatus(): Promise<FeedSourceStatus[]>;
  /** Active advisories naming any of these package groups. */
  listAdvisoriesForGroups(groups: readonly PackageGroup[]): Promise<Advisory[]>;
  /**
   * The advisories listAdvisoriesForGroups returns, read from the compact match documents (without
   * their prose: no summary or details, empty references), in the same order, less those `skip`
   * rules out: a row (advisory, group) whose plain fixed version `skip` accepts is left unread,
   * unless another row keeps the advisory or a kept advisory has the same advisory id.
   */
  listMatchAdvisoriesForGroups(groups: readonly PackageGroup[], options?: { skip?: (row: MatchDocHint) => boolean }): Promise<Advisory[]>;
  /** Active advisories with these advisory ids (any source). */
  listAdvisoriesByIds(ids: readonly string[]): Promise<Advisory[]>;
  /** Every active advisory (for a full fleet evaluation). */
  listActiveAdvisories(): Promise<Advisory[]>;
  /** Active intel records (all sources) for these CVE ids. */
  listIntel(cveIds: readonly string[]): Promise<VulnerabilityIntel[]>;
}

const ID_CHUNK = 500;

export class KyselyFeedRepository implements FeedRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly bulk: BulkInserter,
  ) {}

  async isActiveInput(source: string, inputHash: string): Promise<boolean> {
    const active = await this.activeVersion(this.db, source);
    return active?.input_hash === inputHash;
  }

  async importVersion(input: FeedVersionInput, at: string): Promise<FeedImportOutcome> {
    const contentHash = versionContentHash(input);
    return this.db.transaction().execute(async (trx) => {
      const previous = await this.activeVersion(trx, input.source);
      if (previous && previous.content_hash === contentHash) {
        await trx.updateTable('feed_versions').set({ input_hash: input.inputHash, fetched_at: input.fetchedAt }).where('id', '=', previous.id).execute();
        await this.markSuccess(trx, input.source, at, input.origin);
        return { source: input.source, versionId: previous.id, unchanged: true, changes: emptyChanges(), intelRecords: input.intel.length };
      }
      const versionId = newId();
      await trx.insertInto('feed_versions').values(versionRow(versionId, input, contentHash, at)).execute();
      await this.writeRecords(trx, versionId, input);
      const changes = previous ? await this.diffAgainst(trx, previous.id, input.advisories) : { ...emptyChanges(), added: [...input.advisories] };
      await this.markSuccess(trx, input.source, at, input.origin, versionId);
      if (previous) await this.dropVersionRecords(trx, previous.id);
      return { source: input.source, versionId, unchanged: false, changes, intelRecords: input.intel.length };
    });
  }

  async recordAttempt(source: string, at: string, o: { error?: string; etag?: string; lastModified?: string; url?: string }): Promise<void> {
    await this.ensureSource(this.db, source);
    const set: Partial<FeedSourceRow> = { last_attempt_at: at };
    if (o.error !== undefined) Object.assign(set, { last_error: o.error, last_error_at: at });
    if (o.etag !== undefined) set.etag = o.etag;
    if (o.lastModified !== undefined) set.last_modified = o.lastModified;
    if (o.url !== undefined) set.url = o.url;
    await this.db.updateTable('feed_sources').set(set).where('source', '=', source).execute();
  }

  async listSourceStatus(): Promise<FeedSourceStatus[]> {
    const rows = await this.db
      .selectFrom('feed_sources as s')
      .leftJoin('feed_versions as v', 'v.id', 's.active_version_id')
      .select(['s.source', 's.active_version_id', 's.last_attempt_at', 's.last_success_at', 's.last_error', 's.last_error_at', 's.etag', 's.last_modified', 'v.records', 'v.advisories', 'v.intel', 'v.rejected', 'v.data_date', 'v.origin'])
      .orderBy('s.source')
      .execute();
    return rows.map((r) => dropNulls({
      source: r.source, activeVersionId: r.active_version_id, records: r.records, advisories: r.advisories, intel: r.intel, rejected: r.rejected,
      dataDate: r.data_date, lastSuccessAt: r.last_success_at, lastAttemptAt: r.last_attempt_at, lastError: r.last_error, lastErrorAt: r.last_error_at,
      etag: r.etag, lastModified: r.last_modified, origin: r.origin,
    }) as unknown as FeedSourceStatus);
  }

  async listAdvisoriesForGroups(groups: readonly PackageGroup[]): Promise<Advisory[]> {
    const seen = new Map<string, Advisory>();
    for (const [ecosystem, names] of namesByEcosystem(groups)) {
      for (const chunk of chunks(names, ID_CHUNK)) {
        // Driven from the (ecosystem, name) index of advisory_packages, then the advisory rows by key.
        const rows = await this.db
          .selectFrom('advisory_packages as p')
          .innerJoin('feed_sources as s', 's.active_version_id', 'p.version_id')
          .innerJoin('advisories as a', (j) => j.onRef('a.version_id', '=', 'p.version_id').onRef('a.record_id', '=', 'p.record_id'))
          .select(['a.version_id', 'a.record_id', 'a.doc'])
          .where('p.ecosystem', '=', ecosystem)
          .where('p.name', 'in', chunk)
          .execute();
        for (const r of rows) seen.set(`${r.version_id}\u0000${r.record_id}`, docToAdvisory(r.doc));
      }
    }
    return [...seen.values()];
  }

  async listMatchAdvisoriesForGroups(groups: readonly PackageGroup[], { skip }: { skip?: (row: MatchDocHint) => boolean } = {}): Promise<Advisory[]> {
    const keys: MatchKeyRow[] = [];
    for (const [ecosystem, names] of namesByEcosystem(groups)) {
      for (const chunk of chunks(names, ID_CHUNK)) {
        // A range read of the (ecosystem, name, ...) primary key: one row per package group.
        const rows = await this.db
          .selectFrom('advisory_match_groups as g')
          .innerJoin('feed_sources as s', 's.active_version_id', 'g.version_id')
          .select(['g.ecosystem', 'g.kind', 'g.name', 'g.version_id', 'g.entries'])
          .where('g.ecosystem', '=', ecosystem)
          .where('g.name', 'in', chunk)
          .orderBy('g.name').orderBy('g.version_id').orderBy('g.kind')
          .execute();
        for (const g of rows) {
          for (const [recordId, advisoryId, fixedBelow] of readJson<MatchGroupEntry[]>(g.entries, [])) {
            keys.push({ ecosystem: g.ecosystem, kind: g.kind, name: g.name, version_id: g.version_id, record_id: recordId, advisory_id: advisoryId, fixed_below: fixedBelow });
          }
        }
      }
    }
    const wanted = keptRecords(keys, skip);
    const docs = await this.readMatchDocs(wanted);
    return wanted.map((r) => matchDocToAdvisory(docs.get(r.version_id)?.get(r.record_id)));
  }

  /** Match documents by version and record id. */
  private async readMatchDocs(records: readonly { version_id: string; record_id: string }[]): Promise<Map<string, Map<string, unknown>>> {
    const byVersion = new Map<string, string[]>();
    for (const r of records) (byVersion.get(r.version_id) ?? byVersion.set(r.version_id, []).get(r.version_id)!).push(r.record_id);
    const out = new Map<string, Map<string, unknown>>();
    for (const [versionId, ids] of byVersion) {
      const docs = new Map<string, unknown>();
      for (const chunk of chunks(ids, ID_CHUNK)) {
        const rows = await this.db.selectFrom('advisory_match_docs').select(['record_id', 'doc']).where('version_id', '=', versionId).where('record_id', 'in', chunk).execute();
        for (const r of rows) docs.set(r.record_id, r.doc);
      }
      out.set(versionId, docs);
    }
    return out;
  }

  async listAdvisoriesByIds(ids: readonly string[]): Promise<Advisory[]> {
    const out: Advisory[] = [];
    for (const chunk of chunks([...new Set(ids)], ID_CHUNK)) {
      out.push(...(await this.activeAdvisoryQuery().where('a.advisory_id', 'in', chunk).execute()).map((r) => docToAdvisory(r.doc)));
    }
    return out;
  }

  async listActiveAdvisories(): Promise<Advisory[]> {
    return (await this.activeAdvisoryQuery().execute()).map((r) => docToAdvisory(r.doc));
  }

  async listIntel(cveIds: readonly string[]): Promise<VulnerabilityIntel[]> {
    const out: VulnerabilityIntel[] = [];
    for (const chunk of chunks([...new Set(cveIds)], ID_CHUNK)) {
      const rows = await this.db
        .selectFrom('vuln_intel as i')
        .innerJoin('feed_sources as s', 's.active_version_id', 'i.version_id')
        .innerJoin('feed_versions as v', 'v.id', 'i.version_id')
        .select(['i.doc', 'i.cve_id', 'i.source', 'i.content_hash', 'v.fetched_at'])
        .where('i.cve_id', 'in', chunk)
        .execute();
      out.push(...rows.map(docToIntel));
    }
    return out;
  }

  private activeAdvisoryQuery() {
    return this.db.selectFrom('advisories as a').innerJoin('feed_sources as s', 's.active_version_id', 'a.version_id').select(['a.version_id', 'a.record_id', 'a.doc']);
  }

  private async activeVersion(db: Kysely<Database>, source: string): Promise<FeedVersionRow | undefined> {
    return db.selectFrom('feed_versions as v').innerJoin('feed_sources as s', 's.active_version_id', 'v.id').selectAll('v').where('s.source', '=', source).executeTakeFirst();
  }

  private async writeRecords(trx: Kysely<Database>, versionId: string, input: FeedVersionInput): Promise<void> {
    const advisories = dedupeBy(input.advisories, advisoryRecordId);
    await this.bulk.insert(trx, 'advisories', ADVISORY_COLUMNS, advisories.map((a) => advisoryToRow(versionId, a)));
    await this.bulk.insert(trx, 'advisory_packages', PACKAGE_COLUMNS, advisories.flatMap((a) => advisoryPackageRows(versionId, a)));
    const groups = new MatchGroupBuilder();
    for (const a of advisories) groups.add(a);
    await this.bulk.insert(trx, 'advisory_match_groups', MATCH_GROUP_COLUMNS, groups.rows(versionId));
    await this.bulk.insert(trx, 'advisory_match_docs', MATCH_DOC_COLUMNS, advisories.map((a) => advisoryMatchDocRow(versionId, a)));
    await this.bulk.insert(trx, 'vuln_intel', INTEL_COLUMNS, dedupeBy(input.intel, (i) => i.cveId).map((i) => intelToRow(versionId, i)));
  }

  private async diffAgainst(trx: Kysely<Database>, previousId: string, next: readonly Advisory[]): Promise<AdvisoryChanges> {
    const old = await trx.selectFrom('advisories').select(['record_id', 'content_hash']).where('version_id', '=', previousId).execute();
    const oldHash = new Map(old.map((r) => [r.record_id, r.content_hash]));
    const nextIds = new Set(next.map(advisoryRecordId));
    const added = next.filter((a) => !oldHash.has(advisoryRecordId(a)));
    const changed = next.filter((a) => oldHash.has(advisoryRecordId(a)) && oldHash.get(advisoryRecordId(a)) !== a.provenance.contentHash);
    const goneIds = old.filter((r) => !nextIds.has(r.record_id)).map((r) => r.record_id);
    const previousIds = [...changed.map(advisoryRecordId), ...goneIds];
    const previous: Advisory[] = [];
    for (const chunk of chunks(previousIds, ID_CHUNK)) {
      previous.push(...(await trx.selectFrom('advisories').select('doc').where('version_id', '=', previousId).where('record_id', 'in', chunk).execute()).map((r) => docToAdvisory(r.doc)));
    }
    const gone = new Set(goneIds);
    return { added, changed, previous, removed: previous.filter((a) => gone.has(advisoryRecordId(a))) };
  }

  private async dropVersionRecords(trx: Kysely<Database>, versionId: string): Promise<void> {
    await trx.deleteFrom('advisory_packages').where('version_id', '=', versionId).execute();
    await trx.deleteFrom('advisory_match_groups').where('version_id', '=', versionId).execute();
    await trx.deleteFrom('advisory_match_docs').where('version_id', '=', versionId).execute();
    await trx.deleteFrom('advisories').where('version_id', '=', versionId).execute();
    await trx.deleteFrom('vuln_intel').where('version_id', '=', versionId).execute();
  }

  private async ensureSource(db: Kysely<Database>, source: string): Promise<void> {
    await db.insertInto('feed_sources').values({ source, active_version_id: null, last_attempt_at: null, last_success_at: null, last_error: null, last_error_at: null, etag: null, last_modified: null, url: null }).onConflict((oc) => oc.column('source').doNothing()).execute();
  }

  private async markSuccess(trx: Kysely<Database>, source: string, at: string, origin?: string, versionId?: string): Promise<void> {
    await this.ensureSource(trx, source);
    await trx
      .updateTable('feed_sources')
      .set({ last_success_at: at, last_attempt_at: at, last_error: null, last_error_at: null, ...(versionId ? { active_version_id: versionId } : {}), ...(origin ? { url: origin } : {}) })
      .where('source', '=', source)
      .execute();
  }
}

/** sha256 over the sorted (record id, content hash) pairs: equal content gives an equal hash. */
function versionContentHash(input: FeedVersionInput): string {
  const parts = [
    ...input.advisories.map((a) => `a\u0000${advisoryRecordId(a)}\u0000${a.provenance.contentHash}`),
    ...input.intel.map((i) => `i\u0000${i.cveId}\u0000${i.provenance.contentHash}`),
  ].sort();
  const h = createHash('sha256');
  for (const p of parts) h.update(p).update('\n');
  return h.digest('hex');
}

function versionRow(id: string, input: FeedVersionInput, contentHash: string, at: string): FeedVersionRow {
  return {
    id, source: input.source, input_hash: input.inputHash, content_hash: contentHash, records: input.records,
    advisories: input.advisories.length, intel: input.intel.length, rejected: input.rejected,
    data_date: input.dataDate ?? null, fetched_at: input.fetchedAt, imported_at: at, origin: input.origin ?? null,
  };
}

function emptyChanges(): AdvisoryChanges {
  return { added: [], changed: [], previous: [], removed: [] };
}

function dedupeBy<T>(items: readonly T[], key: (t: T) => string): T[] {
  const m = new Map<string, T>();
  for (const it of items) m.set(key(it), it);
  return [...m.values()];
}

/** One advisory of a package group, from its match-group row. */
interface MatchKeyRow { ecosystem: string; kind: string; name: string; version_id: string; record_id: string; advisory_id: string; fixed_below: string | null }

/** The records to read, once each, in row order: kept rows, and rows sharing an advisory id with a kept one. */
function keptRecords(rows: readonly MatchKeyRow[], skip: ((row: MatchDocHint) => boolean) | undefined): MatchKeyRow[] {
  const kept: boolean[] = new Array<boolean>(rows.length);
  const keptIds = new Set<string>();
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    kept[i] = r.fixed_below === null || skip === undefined || !skip({ ecosystem: r.ecosystem, kind: r.kind as PackageKind, name: r.name, fixedBelow: r.fixed_below });
    if (kept[i]) keptIds.add(r.advisory_id);
  }
  const seen = new Set<string>();
  const out: MatchKeyRow[] = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    if (!kept[i] && !keptIds.has(r.advisory_id)) continue;
    const key = `${r.version_id}\u0000${r.record_id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(r);
  }
  return out;
}

/** Package names (matcher's normal form) by canonical ecosystem. */
function namesByEcosystem(groups: readonly PackageGroup[]): Map<string, string[]> {
  const byEcosystem = new Map<string, Set<string>>();
  for (const g of groups) {
    const ecosystem = canonicalEcosystem(g.ecosystem);
    (byEcosystem.get(ecosystem) ?? byEcosystem.set(ecosystem, new Set()).get(ecosystem)!).add(normalizePackageName(g.ecosystem, g.name));
  }
  return new Map([...byEcosystem].map(([e, names]) => [e, [...names]]));
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function dropNulls(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined));
}
