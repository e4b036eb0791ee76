import type { JobKind } from '@patchloop/core';

/** A token a host presents once to enroll its agent; only its SHA-256 is stored. */
export interface EnrollmentToken {
  id: string;
  name: string;
  maxUses: number;
  useCount: number;
  createdAt: string;
  expiresAt: string;
  lastUsedAt?: string;
  revokedAt?: string;
}

export interface EnrollmentTokenInput {
  name: string;
  expiresAt: string;
  maxUses: number;
}

/** An enrolled agent: one live agent per asset, authenticated by its own secret. */
export interface Agent {
  id: string;
  assetId: string;
  agentVersion: string;
  /** The job kinds the host's local config lets this agent run (reported by the agent). */
  allowedJobKinds: JobKind[];
  enrolledAt: string;
  enrollmentTokenId?: string;
  lastCheckInAt?: string;
  revokedAt?: string;
}

export interface EnrollAgentInput {
  /** The enrollment token's plaintext. */
  token: string;
  assetId: string;
  agentVersion: string;
  allowedJobKinds: readonly string[];
}

/** What one check-in reports, written later in a batch (AgentRepository.recordCheckIns). */
export interface CheckInFacts {
  agentId: string;
  assetId: string;
  at: string;
  agentVersion: string;
  allowedJobKinds: readonly string[];
  rebootRequired: boolean;
  kernel: { running: string; installed: readonly string[] };
  updatesAvailable: readonly { name: string; version: string }[];
}

/** What a check-in answers, read with the agent in one statement (AgentRepository.authenticateCheckIns). */
export interface CheckInState {
  /** The server holds current software for the asset. */
  hasInventory: boolean;
  /** When the asset's newest finished job ended (it may have changed packages). */
  lastJobFinishedAt?: string;
  /** Jobs queued for the asset, due and unexpired, of any kind. */
  queuedJobs: number;
}
