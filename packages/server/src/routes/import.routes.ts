import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@fastify/type-provider-typebox';
import { invalidInput, type Clock } from '@patchloop/core';
import { parseInventoryText, type InventoryFormat } from '@patchloop/inventory';
import type { Store } from '@patchloop/store';
import { ErrorResponse } from '../schemas/common.schema.js';
import { ImportQuery } from '../schemas/software.schema.js';
import { requireWriter } from '../auth/bearer-auth.js';
import { recordSnapshot } from '@patchloop/store';

const ImportResult = Type.Object({
  asset: Type.Ref('Asset'),
  created: Type.Boolean(),
  added: Type.Integer(),
  removed: Type.Integer(),
  changed: Type.Integer(),
  unchanged: Type.Integer(),
  warnings: Type.Array(Type.String()),
});

/**
 * POST /api/v1/imports: the raw text of an SBOM, lockfile or package database. The whole file is
 * parsed before anything is written; a parse error names the file and line/field and stores nothing.
 */
export const importRoutes: FastifyPluginAsyncTypebox<{ store: Store; clock: Clock; bodyLimit: number }> = async (app, { store, clock, bodyLimit }) => {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string', bodyLimit }, (_req, body, done) => done(null, body));

  app.post(
    '/api/v1/imports',
    {
      bodyLimit,
      schema: {
        tags: ['inventory'],
        summary: 'Import an SBOM (CycloneDX, SPDX), lockfile (package-lock, requirements, poetry.lock) or package database (dpkg status, rpm -qa, apk installed)',
        querystring: ImportQuery,
        response: { 200: ImportResult, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 413: ErrorResponse },
      },
    },
    async (req) => {
      requireWriter(req);
      const text = typeof req.body === 'string' ? req.body : '';
      if (text.length === 0) throw invalidInput('E_IMPORT_EMPTY', 'the request body is empty: send the file content', { field: 'body' });
      const { format, name, ecosystem, file } = req.query;
      const snapshot = parseInventoryText(text, dropUndefined({ format: format as InventoryFormat | undefined, assetName: name, ecosystem, file: file ?? 'request body' }));
      const { asset, created, summary, warnings } = await recordSnapshot(store, snapshot, clock.nowIso());
      return { asset, created, ...summary, warnings };
    },
  );
};

function dropUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
