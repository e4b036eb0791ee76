import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { DomainError, parseInstant, type Clock } from '@patchloop/core';
import type { Store } from '@patchloop/store';
import { ErrorResponse, IdParams } from '../schemas/common.schema.js';
import { ChangeList, ChangesQuery, InventoryBody, InventoryResult, SoftwareList, SoftwareQuery } from '../schemas/software.schema.js';
import { requireWriter } from '../auth/bearer-auth.js';

/** Installed software of an asset: replace it, read it now or at a past time, list its changes. */
export const softwareRoutes: FastifyPluginAsyncTypebox<{ store: Store; clock: Clock }> = async (app, { store, clock }) => {
  const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };
  const mustExist = async (id: string) => {
    if (!(await store.assets.findAssetById(id))) throw new DomainError('E_ASSET_NOT_FOUND', 'not_found', `asset ${id} not found`);
  };

  app.put('/api/v1/assets/:id/software', { schema: { tags: ['inventory'], summary: 'Replace the installed software of an asset (a full inventory)', params: IdParams, body: InventoryBody, response: { 200: InventoryResult, ...errors } } }, async (req) => {
    requireWriter(req);
    const at = req.body.observedAt ? parseInstant(req.body.observedAt, 'observedAt') : clock.nowIso();
    const { changes: _changes, ...summary } = await store.transaction(async (tx) => {
      const result = await tx.inventory.recordInventory(req.params.id, req.body.packages, at);
      await tx.assets.markAssetSeen(req.params.id, at);
      return result;
    });
    return summary;
  });

  app.get('/api/v1/assets/:id/software', { schema: { tags: ['inventory'], summary: 'Software installed now, or at a past time with ?at=', params: IdParams, querystring: SoftwareQuery, response: { 200: SoftwareList, ...errors } } }, async (req) => {
    await mustExist(req.params.id);
    const at = req.query.at ? parseInstant(req.query.at, 'at') : undefined;
    const packages = await store.inventory.listSoftware(req.params.id, at);
    return { assetId: req.params.id, at: at ?? clock.nowIso(), packages };
  });

  app.get('/api/v1/assets/:id/software/changes', { schema: { tags: ['inventory'], summary: 'Every software change of an asset with its time', params: IdParams, querystring: ChangesQuery, response: { 200: ChangeList, ...errors } } }, async (req) => {
    await mustExist(req.params.id);
    const range = {
      ...(req.query.since ? { since: parseInstant(req.query.since, 'since') } : {}),
      ...(req.query.until ? { until: parseInstant(req.query.until, 'until') } : {}),
    };
    return { changes: await store.inventory.listSoftwareChanges(req.params.id, range) };
  });
};
