import type { InstalledPackage, JobKind, KernelInfo, OsInfo, PinnedPackage } from '@patchloop/core';

/**
 * Wire shapes of /agent/v1 as the agent sends and reads them. The server's TypeBox schemas
 * (server/src/agent-protocol/agent-protocol.schemas.ts) are the source of truth; the end-to-end
 * test runs this client against them.
 */

export type WirePackage = Pick<InstalledPackage, 'ecosystem' | 'name' | 'version' | 'sourceName' | 'sourceVersion' | 'arch' | 'purl'>;

export interface EnrollRequest {
  enrollmentToken: string;
  hostname: string;
  agentVersion: string;
  allowedJobKinds: JobKind[];
  facts: { os?: OsInfo; arch?: string; kernel?: KernelInfo; addresses?: string[] };
}

export interface EnrollAnswer {
  agentId: string;
  assetId: string;
  agentSecret: string;
  jobSigningPublicKey: string;
  checkInIntervalSeconds: number;
}

export type WireInventory = { full: true; packages: WirePackage[] } | { full: false; added: WirePackage[]; removed: WirePackage[]; changed: WirePackage[] };

export interface CheckInRequest {
  agentVersion: string;
  allowedJobKinds: JobKind[];
  inventory?: WireInventory;
  updatesAvailable: { name: string; version: string }[];
  rebootRequired: boolean;
  kernel: { running: string; installed: string[] };
  restartedDuringJobId?: string;
}

export interface CheckInAnswer {
  sendFullInventory: boolean;
  jobsAvailable: number;
  nextCheckInSeconds: number;
  jitterSeconds: number;
  restartedJob?: { id: string; state: string };
}

export interface WireJob {
  id: string;
  assetId: string;
  kind: string;
  args: unknown;
  idempotencyKey: string;
  state: string;
  timeoutSeconds: number;
  notBefore?: string;
  expiresAt?: string;
}

export interface LeaseAnswer {
  job: WireJob;
  signature: string;
}

export interface CompleteRequest {
  exitCode: number;
  logTail: string;
  packagesBefore?: PinnedPackage[];
  packagesAfter?: PinnedPackage[];
}

/** Only the fields the server accepts (its package schema has additionalProperties: false). */
export function installedPackageToWire(p: InstalledPackage): WirePackage {
  return {
    ecosystem: p.ecosystem,
    name: p.name,
    version: p.version,
    ...(p.sourceName !== undefined ? { sourceName: p.sourceName } : {}),
    ...(p.sourceVersion !== undefined ? { sourceVersion: p.sourceVersion } : {}),
    ...(p.arch !== undefined ? { arch: p.arch } : {}),
    ...(p.purl !== undefined ? { purl: p.purl } : {}),
  };
}
