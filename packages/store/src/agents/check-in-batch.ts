import { sql, type Kysely, type RawBuilder } from 'kysely';
import { parseAllowedJobKinds } from '@patchloop/core';
import type { Database } from '../schema.js';
import { columnTypesFor, type Engine } from '../shared/engine.js';
import { writeJson } from '../shared/json.js';
import type { CheckInFacts } from './agent.types.js';

/** Rows per statement: 6 bound values each, far under both engines' parameter limits. */
const CHUNK = 500;

/**
 * Writes many check-ins in one transaction (the caller's, when it has one) with two statements per chunk (an UPDATE ... FROM
 * (VALUES ...) for agents and one for assets; both engines run it). Only the newest check-in of
 * each agent counts; last check-in and last seen never move backwards; revoked agents are left
 * alone. Values are cast to the column types so PostgreSQL does not read them as text.
 */
export async function writeCheckIns(db: Kysely<Database>, engine: Engine, checkIns: readonly CheckInFacts[]): Promise<void> {
  const newest = newestPerAgent(checkIns);
  if (newest.length === 0) return;
  const cast = casts(engine);
  const write = async (trx: Kysely<Database>) => {
    for (let i = 0; i < newest.length; i += CHUNK) {
      const chunk = newest.slice(i, i + CHUNK);
      await updateAgents(chunk, cast).execute(trx);
      await updateAssets(chunk, cast).execute(trx);
    }
  };
  await (db.isTransaction ? write(db) : db.transaction().execute(write));
}

interface Casts {
  ts: (v: string) => RawBuilder<unknown>;
  json: (v: unknown) => RawBuilder<unknown>;
  int: (v: number) => RawBuilder<unknown>;
}

function casts(engine: Engine): Casts {
  const t = columnTypesFor(engine);
  return {
    ts: (v) => sql`CAST(${v} AS ${sql.raw(t.timestamp)})`,
    json: (v) => sql`CAST(${writeJson(v)} AS ${sql.raw(t.json)})`,
    int: (v) => sql`CAST(${v} AS integer)`,
  };
}

function updateAgents(rows: readonly CheckInFacts[], c: Casts): RawBuilder<unknown> {
  const values = sql.join(rows.map((r) => sql`(${r.agentId}, ${r.agentVersion}, ${c.json(parseAllowedJobKinds(r.allowedJobKinds))}, ${c.ts(r.at)})`));
  return sql`UPDATE agents SET agent_version = v.column2, allowed_job_kinds = v.column3, last_check_in_at = v.column4
    FROM (VALUES ${values}) AS v
    WHERE agents.id = v.column1 AND agents.revoked_at IS NULL AND (agents.last_check_in_at IS NULL OR agents.last_check_in_at < v.column4)`;
}

function updateAssets(rows: readonly CheckInFacts[], c: Casts): RawBuilder<unknown> {
  const values = sql.join(rows.map((r) => sql`(${r.assetId}, ${c.ts(r.at)}, ${c.int(r.rebootRequired ? 1 : 0)}, ${r.kernel.running}, ${c.json(r.kernel.installed)}, ${c.json(r.updatesAvailable)})`));
  return sql`UPDATE assets SET last_seen = CASE WHEN assets.last_seen < v.column2 THEN v.column2 ELSE assets.last_seen END,
      reboot_required = v.column3, kernel_running = v.column4, kernels_installed = v.column5, updates_available = v.column6, updated_at = v.column2
    FROM (VALUES ${values}) AS v
    WHERE assets.id = v.column1`;
}

function newestPerAgent(checkIns: readonly CheckInFacts[]): CheckInFacts[] {
  const byAgent = new Map<string, CheckInFacts>();
  for (const c of checkIns) {
    const seen = byAgent.get(c.agentId);
    if (!seen || seen.at <= c.at) byAgent.set(c.agentId, c);
  }
  return [...byAgent.values()];
}
