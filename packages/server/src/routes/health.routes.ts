import type { FastifyInstance } from 'fastify';
import type { Store } from '@patchloop/store';

/** Liveness (the process answers) and readiness (the store answers). */
export async function healthRoutes(app: FastifyInstance, { store }: { store: Store }): Promise<void> {
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_req, reply) => {
    try {
      await store.ping();
      return { status: 'ready', store: store.engine };
    } catch (e) {
      return reply.status(503).send({ status: 'unavailable', store: store.engine, error: (e as Error).message });
    }
  });
}
