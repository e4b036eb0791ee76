import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import { DomainError, invalidInput, parseAllowedJobKinds, type JobKind } from '@patchloop/core';
import type { Database, EnrollmentTokenRow } from '../schema.js';
import { newId } from '../shared/ids.js';
import { writeJson } from '../shared/json.js';
import { hashToken } from '../tokens/token.repository.js';
import { agentRowToAgent, enrollmentTokenRowToToken } from './agent.mapper.js';
import type { Engine } from '../shared/engine.js';
import type { Agent, CheckInFacts, CheckInState, EnrollAgentInput, EnrollmentToken, EnrollmentTokenInput } from './agent.types.js';
import { writeCheckIns } from './check-in-batch.js';
import { countLeasableJobs, readAgentsWithCheckInState } from './check-in-state.js';

/** Enrollment tokens and enrolled agents. */
export interface AgentRepository {
  /** Creates a token; the plaintext is returned once and only its SHA-256 is stored. */
  createEnrollmentToken(input: EnrollmentTokenInput, at: string): Promise<{ token: string; record: EnrollmentToken }>;
  /**
   * Uses the token once, atomically (one conditional UPDATE), so concurrent redemptions never
   * exceed maxUses. Throws E_ENROLLMENT_INVALID / _EXPIRED / _EXHAUSTED / _REVOKED (unauthorized).
   */
  redeemEnrollmentToken(plaintext: string, at: string): Promise<EnrollmentToken>;
  revokeEnrollmentToken(id: string, at: string): Promise<boolean>;
  findEnrollmentToken(id: string): Promise<EnrollmentToken | undefined>;
  /**
   * Redeems the token and registers an agent for the asset in one transaction (the caller's,
   * when it has one; a failed registration uses nothing). Re-enrolling an asset revokes its previous agent. The secret is
   * returned once; only its SHA-256 is stored.
   */
  enrollAgent(input: EnrollAgentInput, at: string): Promise<{ agent: Agent; secret: string }>;
  /** The live agent with this id and secret, or undefined. Compares hashes in constant time. */
  authenticateAgent(agentId: string, secret: string): Promise<Agent | undefined>;
  /**
   * Records many check-ins in one transaction: per agent its version, job kinds and last check-in,
   * per asset its facts (reboot, kernels, updates available) and last seen. The newest check-in
   * of an agent wins; times never move backwards; revoked agents are skipped.
   */
  recordCheckIns(checkIns: readonly CheckInFacts[]): Promise<void>;
  /** authenticateAgent plus what a check-in answers (see CheckInState) for up to MAX_CHECK_IN_BATCH (64) agents in one read; answers in the same order. */
  authenticateCheckIns(credentials: readonly { agentId: string; secret: string }[], at: string): Promise<({ agent: Agent; state: CheckInState } | undefined)[]>;
  /** Queued jobs of these kinds the asset's agent may lease now. */
  countLeasableJobs(assetId: string, kinds: readonly JobKind[], at: string): Promise<number>;
  findAgent(id: string): Promise<Agent | undefined>;
  /** The live (not revoked) agent of an asset. */
  findAgentByAsset(assetId: string): Promise<Agent | undefined>;
  revokeAgent(id: string, at: string): Promise<boolean>;
}

export class KyselyAgentRepository implements AgentRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly engine: Engine,
  ) {}

  async createEnrollmentToken({ name, expiresAt, maxUses }: EnrollmentTokenInput, at: string): Promise<{ token: string; record: EnrollmentToken }> {
    if (!Number.isInteger(maxUses) || maxUses < 1) throw invalidInput('E_ENROLLMENT_TOKEN_INVALID', 'maxUses must be a whole number >= 1', { field: 'maxUses' });
    if (expiresAt <= at) throw invalidInput('E_ENROLLMENT_TOKEN_INVALID', 'expiresAt must be in the future', { field: 'expiresAt' });
    const token = `ple_${randomBytes(32).toString('base64url')}`;
    const row: EnrollmentTokenRow = { id: newId(), name, token_hash: hashToken(token), max_uses: maxUses, use_count: 0, created_at: at, expires_at: expiresAt, last_used_at: null, revoked_at: null };
    await this.db.insertInto('enrollment_tokens').values(row).execute();
    return { token, record: enrollmentTokenRowToToken(row) };
  }

  redeemEnrollmentToken(plaintext: string, at: string): Promise<EnrollmentToken> {
    return redeem(this.db, plaintext, at);
  }

  async revokeEnrollmentToken(id: string, at: string): Promise<boolean> {
    const r = await this.db.updateTable('enrollment_tokens').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  async findEnrollmentToken(id: string): Promise<EnrollmentToken | undefined> {
    const row = await this.db.selectFrom('enrollment_tokens').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? enrollmentTokenRowToToken(row) : undefined;
  }

  async enrollAgent(input: EnrollAgentInput, at: string): Promise<{ agent: Agent; secret: string }> {
    const kinds = parseAllowedJobKinds(input.allowedJobKinds);
    if (input.agentVersion.trim() === '') throw invalidInput('E_AGENT_INVALID', 'agentVersion is empty', { field: 'agentVersion' });
    const secret = `pla_${randomBytes(32).toString('base64url')}`;
    const id = newId();
    const enroll = async (trx: Kysely<Database>) => {
      const token = await redeem(trx, input.token, at);
      const asset = await trx.selectFrom('assets').select('id').where('id', '=', input.assetId).executeTakeFirst();
      if (!asset) throw new DomainError('E_ASSET_NOT_FOUND', 'not_found', `asset ${input.assetId} not found`);
      await trx.updateTable('agents').set({ revoked_at: at }).where('asset_id', '=', input.assetId).where('revoked_at', 'is', null).execute();
      await trx.insertInto('agents').values({
        id, asset_id: input.assetId, secret_hash: hashToken(secret), enrollment_token_id: token.id, agent_version: input.agentVersion,
        allowed_job_kinds: writeJson(kinds), enrolled_at: at, last_check_in_at: at, revoked_at: null,
      }).execute();
    };
    await (this.db.isTransaction ? enroll(this.db) : this.db.transaction().execute(enroll));
    return { agent: (await this.findAgent(id))!, secret };
  }

  async authenticateAgent(agentId: string, secret: string): Promise<Agent | undefined> {
    const row = await this.db.selectFrom('agents').selectAll().where('id', '=', agentId).where('revoked_at', 'is', null).executeTakeFirst();
    return row && secretMatches(secret, row.secret_hash) ? agentRowToAgent(row) : undefined;
  }

  recordCheckIns(checkIns: readonly CheckInFacts[]): Promise<void> {
    return writeCheckIns(this.db, this.engine, checkIns);
  }

  async authenticateCheckIns(credentials: readonly { agentId: string; secret: string }[], at: string): Promise<({ agent: Agent; state: CheckInState } | undefined)[]> {
    const found = await readAgentsWithCheckInState(this.db, [...new Set(credentials.map((c) => c.agentId))], at);
    return credentials.map(({ agentId, secret }) => {
      const f = found.get(agentId);
      return f && secretMatches(secret, f.row.secret_hash) ? { agent: agentRowToAgent(f.row), state: f.state } : undefined;
    });
  }

  countLeasableJobs(assetId: string, kinds: readonly JobKind[], at: string): Promise<number> {
    return countLeasableJobs(this.db, assetId, kinds, at);
  }

  async findAgent(id: string): Promise<Agent | undefined> {
    const row = await this.db.selectFrom('agents').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? agentRowToAgent(row) : undefined;
  }

  async findAgentByAsset(assetId: string): Promise<Agent | undefined> {
    const row = await this.db.selectFrom('agents').selectAll().where('asset_id', '=', assetId).where('revoked_at', 'is', null).executeTakeFirst();
    return row ? agentRowToAgent(row) : undefined;
  }

  async revokeAgent(id: string, at: string): Promise<boolean> {
    const r = await this.db.updateTable('agents').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }
}

/** The secret's SHA-256 against the stored one, in constant time. */
function secretMatches(secret: string, storedHex: string): boolean {
  const given = Buffer.from(hashToken(secret), 'hex');
  const stored = Buffer.from(storedHex, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}

/**
 * One conditional UPDATE: the row is only touched while live and under its limit. PostgreSQL
 * re-checks the WHERE on the newest row version after waiting for a concurrent update; SQLite
 * runs one writer at a time. Either way use_count never passes max_uses.
 */
async function redeem(db: Kysely<Database>, plaintext: string, at: string): Promise<EnrollmentToken> {
  const hash = hashToken(plaintext);
  const row = await db.updateTable('enrollment_tokens')
    .set((eb) => ({ use_count: eb('use_count', '+', 1), last_used_at: at }))
    .where('token_hash', '=', hash).where('revoked_at', 'is', null).where('expires_at', '>', at).whereRef('use_count', '<', 'max_uses')
    .returningAll().executeTakeFirst();
  if (row) return enrollmentTokenRowToToken(row);
  throw await whyNotRedeemable(db, hash, at);
}

async function whyNotRedeemable(db: Kysely<Database>, hash: string, at: string): Promise<DomainError> {
  const row = await db.selectFrom('enrollment_tokens').selectAll().where('token_hash', '=', hash).executeTakeFirst();
  if (!row) return new DomainError('E_ENROLLMENT_INVALID', 'unauthorized', 'enrollment token not recognised');
  if (row.revoked_at !== null) return new DomainError('E_ENROLLMENT_REVOKED', 'unauthorized', `enrollment token ${row.id} was revoked`);
  if (row.expires_at <= at) return new DomainError('E_ENROLLMENT_EXPIRED', 'unauthorized', `enrollment token ${row.id} expired at ${row.expires_at}`);
  return new DomainError('E_ENROLLMENT_EXHAUSTED', 'unauthorized', `enrollment token ${row.id} has been used ${row.use_count} of ${row.max_uses} times`);
}
