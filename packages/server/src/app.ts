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
}

/** Schemas referenced by $id from routes (and listed under components in the OpenAPI document). */
const SHARED_SCHEMAS = [AssetResponse, PackageSchema, ErrorResponse];

export const systemClock: Clock = { nowIso: () => new Date().toISOString() };

/**
 * Builds the HTTP application (not listening yet).
 * @example
 * const app = await buildApp({ store });
 * await app.listen({ host: '127.0.0.1', port: 8080 });
 */
export async function buildApp({ store, clock = systemClock, logger = { level: 'info' }, bodyLimit = 16 * 1024 * 1024, importBodyLimit = 64 * 1024 * 1024, policy }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger, bodyLimit }).withTypeProvider<TypeBoxTypeProvider>();
  installErrorHandler(app);
  installValidators(app, SHARED_SCHEMAS);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Patchloop API', version: '0.1.0', description: 'Inventory, detection, risk and deployment of patches.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
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
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  return app;
}
