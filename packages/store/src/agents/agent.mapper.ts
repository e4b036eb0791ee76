import type { JobKind } from '@patchloop/core';
import type { AgentRow, EnrollmentTokenRow } from '../schema.js';
import { readJson } from '../shared/json.js';
import type { Agent, EnrollmentToken } from './agent.types.js';

export function enrollmentTokenRowToToken(r: EnrollmentTokenRow): EnrollmentToken {
  return {
    id: r.id, name: r.name, maxUses: r.max_uses, useCount: r.use_count, createdAt: r.created_at, expiresAt: r.expires_at,
    ...(r.last_used_at !== null ? { lastUsedAt: r.last_used_at } : {}), ...(r.revoked_at !== null ? { revokedAt: r.revoked_at } : {}),
  };
}

export function agentRowToAgent(r: AgentRow): Agent {
  return {
    id: r.id, assetId: r.asset_id, agentVersion: r.agent_version, allowedJobKinds: readJson<JobKind[]>(r.allowed_job_kinds, []), enrolledAt: r.enrolled_at,
    ...(r.enrollment_token_id !== null ? { enrollmentTokenId: r.enrollment_token_id } : {}),
    ...(r.last_check_in_at !== null ? { lastCheckInAt: r.last_check_in_at } : {}), ...(r.revoked_at !== null ? { revokedAt: r.revoked_at } : {}),
  };
}
