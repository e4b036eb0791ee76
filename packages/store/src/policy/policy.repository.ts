import type { Kysely } from 'kysely';
import { DomainError, type AcceptanceScope, type RiskAcceptance, type VexStatement } from '@patchloop/core';
import type { Database, RiskAcceptanceRow } from '../schema.js';
import { newId } from '../shared/ids.js';
import { readJson, writeJson } from '../shared/json.js';

/** Risk acceptances (exceptions) and VEX statements: the policy inputs of the assessment. */
export interface PolicyRepository {
  /** Stores a requested (not yet approved) acceptance; returns it with its id. */
  requestAcceptance(a: Omit<RiskAcceptance, 'id' | 'approvedBy' | 'approvedAt' | 'revokedAt'>): Promise<RiskAcceptance>;
  /** Records the approval; the caller validates four-eyes and dates first. */
  approveAcceptance(id: string, approvedBy: string, at: string): Promise<RiskAcceptance>;
  revokeAcceptance(id: string, at: string): Promise<RiskAcceptance>;
  findAcceptance(id: string): Promise<RiskAcceptance | undefined>;
  listAcceptances(): Promise<RiskAcceptance[]>;
  /** Replaces the statements of one VEX document (re-importing a document updates it). */
  replaceVexDocument(documentId: string, statements: readonly VexStatement[], at: string): Promise<number>;
  listVexStatements(): Promise<VexStatement[]>;
}

export class KyselyPolicyRepository implements PolicyRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async requestAcceptance(a: Omit<RiskAcceptance, 'id' | 'approvedBy' | 'approvedAt' | 'revokedAt'>): Promise<RiskAcceptance> {
    const id = newId();
    await this.db.insertInto('risk_acceptances').values({ id, vulnerability_id: a.vulnerabilityId, scope: writeJson(a.scope), reason: a.reason, requested_by: a.requestedBy, requested_at: a.requestedAt, approved_by: null, approved_at: null, expires_at: a.expiresAt, revoked_at: null }).execute();
    return (await this.findAcceptance(id))!;
  }

  async approveAcceptance(id: string, approvedBy: string, at: string): Promise<RiskAcceptance> {
    await this.db.updateTable('risk_acceptances').set({ approved_by: approvedBy, approved_at: at }).where('id', '=', id).execute();
    return this.mustFind(id);
  }

  async revokeAcceptance(id: string, at: string): Promise<RiskAcceptance> {
    await this.db.updateTable('risk_acceptances').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).execute();
    return this.mustFind(id);
  }

  async findAcceptance(id: string): Promise<RiskAcceptance | undefined> {
    const row = await this.db.selectFrom('risk_acceptances').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? acceptanceRowToAcceptance(row) : undefined;
  }

  async listAcceptances(): Promise<RiskAcceptance[]> {
    return (await this.db.selectFrom('risk_acceptances').selectAll().orderBy('id').execute()).map(acceptanceRowToAcceptance);
  }

  async replaceVexDocument(documentId: string, statements: readonly VexStatement[], at: string): Promise<number> {
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('vex_statements').where('document_id', '=', documentId).execute();
      if (statements.length === 0) return;
      await trx.insertInto('vex_statements').values(statements.map((s) => ({ id: newId(), document_id: documentId, vulnerability_id: s.vulnerabilityId, status: s.status, doc: writeJson(s), imported_at: at }))).execute();
    });
    return statements.length;
  }

  async listVexStatements(): Promise<VexStatement[]> {
    return (await this.db.selectFrom('vex_statements').select('doc').orderBy('id').execute()).map((r) => readJson<VexStatement>(r.doc, undefined as unknown as VexStatement));
  }

  private async mustFind(id: string): Promise<RiskAcceptance> {
    const a = await this.findAcceptance(id);
    if (!a) throw new DomainError('E_EXCEPTION_NOT_FOUND', 'not_found', `exception ${id} not found`);
    return a;
  }
}

function acceptanceRowToAcceptance(r: RiskAcceptanceRow): RiskAcceptance {
  return {
    id: r.id, vulnerabilityId: r.vulnerability_id, scope: readJson<AcceptanceScope>(r.scope, { kind: 'all' }), reason: r.reason,
    requestedBy: r.requested_by, requestedAt: r.requested_at, expiresAt: r.expires_at,
    ...(r.approved_by !== null ? { approvedBy: r.approved_by } : {}), ...(r.approved_at !== null ? { approvedAt: r.approved_at } : {}), ...(r.revoked_at !== null ? { revokedAt: r.revoked_at } : {}),
  };
}
