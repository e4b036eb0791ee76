import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { DomainError, type Clock } from '@patchloop/core';
import type { Store } from '@patchloop/store';
import { AssetCreateBody, AssetListQuery, AssetPage, AssetPatchBody } from '../schemas/asset.schema.js';
import { ErrorResponse, IdParams } from '../schemas/common.schema.js';
import { assetCreateBodyToInput, assetPatchBodyToPatch, assetToResponse } from '../schemas/asset.mapper.js';
import { requireWriter } from '../auth/bearer-auth.js';

/** Assets: create, read, update, list with filters and cursor pagination. */
export const assetRoutes: FastifyPluginAsyncTypebox<{ store: Store; clock: Clock }> = async (app, { store, clock }) => {
  const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

  app.post('/api/v1/assets', { schema: { tags: ['assets'], summary: 'Create an asset', body: AssetCreateBody, response: { 201: { $ref: 'Asset#' }, ...errors } } }, async (req, reply) => {
    requireWriter(req);
    const asset = await store.assets.createAsset(assetCreateBodyToInput(req.body), clock.nowIso());
    return reply.status(201).send(assetToResponse(asset));
  });

  app.get('/api/v1/assets', { schema: { tags: ['assets'], summary: 'List assets', querystring: AssetListQuery, response: { 200: AssetPage, ...errors } } }, async (req) => {
    const { limit = 50, cursor, kind, environment, exposure, tag, group, os, minCriticality, q } = req.query;
    const filter = { kind, environment, exposure, tag, group, osFamily: os, minCriticality, nameContains: q };
    const page = await store.assets.listAssets(dropUndefined(filter), { limit, ...(cursor ? { cursor } : {}) });
    return { items: page.items.map(assetToResponse), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
  });

  app.get('/api/v1/assets/:id', { schema: { tags: ['assets'], summary: 'Get one asset', params: IdParams, response: { 200: { $ref: 'Asset#' }, ...errors } } }, async (req) => {
    const asset = await store.assets.findAssetById(req.params.id);
    if (!asset) throw new DomainError('E_ASSET_NOT_FOUND', 'not_found', `asset ${req.params.id} not found`);
    return assetToResponse(asset);
  });

  app.patch('/api/v1/assets/:id', { schema: { tags: ['assets'], summary: 'Update an asset', params: IdParams, body: AssetPatchBody, response: { 200: { $ref: 'Asset#' }, ...errors } } }, async (req) => {
    requireWriter(req);
    return assetToResponse(await store.assets.updateAsset(req.params.id, assetPatchBodyToPatch(req.body), clock.nowIso()));
  });
};

function dropUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
