import Fastify, { type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Clock, RiskPolicy } from '@patchloop/core';
import type { Store } from '@patchloop/store';
import { installErrorHandler } from './http/error-handler.js';
import { installValidators } from './http/validators.js';
import { installBearerAuth } from './auth/bearer-auth.js';
import { healthRoutes } from './routes/health.routes.js';
import { assetRoutes } from './routes/asset.routes.js';
import { softwareRoutes } from './routes/software.routes.js';
import { importRoutes } from './routes/import.routes.js';
import { findingsRoutes } from './routes/findings.routes.js';
import { policyRoutes } from './routes/policy.routes.js';
import { AssetResponse } from './schemas/asset.schema.js';
import { PackageSchema } from './schemas/software.schema.js';
import { ErrorResponse } from './schemas/common.schema.js';
import { JobResponse } from './agent-protocol/agent-protocol.schemas.js';
import { agentProtocolRoutes } from './agent-protocol/agent.routes.js';
import { CheckInBuffer } from './agent-protocol/check-in-buffer.js';
import { LeaseSweeper } from './agent-protocol/lease-sweeper.js';
import { DetectionQueue } from './detection/detection-queue.js';
import { enrollmentTokenRoutes } from './agent-protocol/enrollment-token.routes.js';
import { jobRoutes } from './agent-protocol/job.routes.js';
import { resolveJobSigningKey, type JobSigningKeySource } from './agent-protocol/job-signing-key.js';

export interface AppOptions {
  store: Store;
  clock?: Clock;
  /** pino logger options or false; default: info level JSON logs. */
  logger?: boolean | { level: string };
  /** Largest JSON body in bytes (default 16 MiB: about 100,000 packages). */
  bodyLimit?: number;
  /** Largest raw import body in bytes (SBOM, lockfile, dpkg status; default 64 MiB). */
  importBodyLimit?: number;
  /** The organisation's risk policy (CVSS precedence, SLA matrix, due-date rules). */
  policy?: RiskPolicy;
  /**
   * The Ed25519 key that signs agent jobs: a PEM, or a file. Default: the file named by
   * PATCHLOOP_JOB_SIGNING_KEY, else job-signing-key.pem next to the SQLite file (created 0600 on
   * first start). PostgreSQL needs one configured (replicas must share it).
   */
  jobSigningKey?: JobSigningKeySource;
  /** Seconds between agent check-ins (default 300). */
  agentCheckInSeconds?: number;
  /** Seconds an agent's job lease lasts before it may be retried (default 120). */
  agentLeaseSeconds?: number;
  /** Longest wait before heartbeat facts are written in a batch (default 250 ms). */
  checkInFlushMs?: number;
  /** Between sweeps that end expired job leases (default 15,000 ms; 0: no timer). */
  leaseSweepMs?: number;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Work the server does besides answering: batched check-in writes, re-matching, lease expiry. */
    background: { settle(): Promise<void>; sweepLeases(): Promise<void> };
  }
}

/** Schemas referenced by $id from routes (and listed under components in the OpenAPI document). */
const SHARED_SCHEMAS = [AssetResponse, PackageSchema, ErrorResponse, JobResponse];

export const systemClock: Clock = { nowIso: () => new Date().toISOString() };

/**
 * Builds the HTTP application (not listening yet).
 * @example
 * const app = await buildApp({ store });
 * await app.listen({ host: '127.0.0.1', port: 8080 });
 */
export async function buildApp({
  store, clock = systemClock, logger = { level: 'info' }, bodyLimit = 16 * 1024 * 1024, importBodyLimit = 64 * 1024 * 1024, policy,
  jobSigningKey, agentCheckInSeconds = 300, agentLeaseSeconds = 120, checkInFlushMs, leaseSweepMs,
}: AppOptions): Promise<FastifyInstance> {
  const signingKey = await resolveJobSigningKey({ store, ...(jobSigningKey ? { source: jobSigningKey } : {}) });
  const app = Fastify({ logger, bodyLimit }).withTypeProvider<TypeBoxTypeProvider>();
  installErrorHandler(app);
  installValidators(app, SHARED_SCHEMAS);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Patchloop API', version: '0.1.0', description: 'Inventory, detection, risk and deployment of patches.' },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          agentId: { type: 'apiKey', in: 'header', name: 'X-Patchloop-Agent', description: 'the agent id from enrollment' },
          agentSecret: { type: 'apiKey', in: 'header', name: 'Authorization', description: '"Agent <secret>" (the secret from enrollment)' },
        },
      },
      security: [{ bearer: [] }],
    },
  });
  for (const schema of SHARED_SCHEMAS) app.addSchema(schema);
  installBearerAuth(app, store.tokens, clock);
  await app.register(healthRoutes, { store });
  await app.register(assetRoutes, { store, clock });
  await app.register(softwareRoutes, { store, clock });
  await app.register(importRoutes, { store, clock, bodyLimit: importBodyLimit });
  await app.register(findingsRoutes, { store, clock, ...(policy ? { policy } : {}) });
  await app.register(policyRoutes, { store, clock, bodyLimit: importBodyLimit });
  await app.register(enrollmentTokenRoutes, { store, clock });
  await app.register(jobRoutes, { store, clock, signingKey });
  const { checkInBuffer, detection } = installBackgroundWork(app, store, clock, { flushMs: checkInFlushMs, leaseSweepMs });
  await app.register(agentProtocolRoutes, { store, clock, signingKey, checkInIntervalSeconds: agentCheckInSeconds, leaseSeconds: agentLeaseSeconds, checkInBuffer, detection });
  app.log.info({ jobSigningKey: signingKey?.origin ?? 'none (agent enrollment and job enqueue answer 503)' }, 'job signing key');
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  return app;
}

/** The check-in write-behind buffer, the detection queue and the lease sweeper: started now, drained on close. */
function installBackgroundWork(app: FastifyInstance, store: Store, clock: Clock, timing: { flushMs: number | undefined; leaseSweepMs: number | undefined }): { checkInBuffer: CheckInBuffer; detection: DetectionQueue } {
  const checkInBuffer = new CheckInBuffer(store, { ...(timing.flushMs !== undefined ? { flushMs: timing.flushMs } : {}), onError: (err) => app.log.error({ err }, 'writing agent check-ins failed; retrying') });
  const detection = new DetectionQueue(store, { clock, onError: (err, assetId) => app.log.error({ err, assetId }, 're-matching an asset failed; its stale mark stays for a retry') });
  const sweeper = new LeaseSweeper(store, {
    clock, ...(timing.leaseSweepMs !== undefined ? { intervalMs: timing.leaseSweepMs } : {}),
    onSwept: (moved) => app.log.info({ moved }, 'job leases expired'), onError: (err) => app.log.error({ err }, 'expiring job leases failed'),
  });
  detection.start();
  sweeper.start();
  app.decorate('background', { settle: async () => { await checkInBuffer.flush(); await detection.whenIdle(); }, sweepLeases: () => sweeper.sweep() });
  app.addHook('onClose', async () => {
    await sweeper.close();
    await checkInBuffer.close();
    await detection.close();
  });
  return { checkInBuffer, detection };
}
