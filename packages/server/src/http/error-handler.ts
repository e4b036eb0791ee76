import type { FastifyError, FastifyInstance } from 'fastify';
import { isDomainError, type ErrorKind } from '@patchloop/core';

/** The one table from domain error kinds to HTTP statuses. */
export const HTTP_STATUS_BY_KIND: Record<ErrorKind, number> = {
  invalid_input: 400,
  not_found: 404,
  conflict: 409,
  unauthorized: 401,
  forbidden: 403,
  too_large: 413,
  unavailable: 503,
  internal: 500,
};

/** Error body on every failure: a stable code, a message naming what is wrong, and where. */
export interface ErrorBody {
  error: { code: string; message: string; field?: string; line?: number; file?: string };
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const { status, body } = toErrorResponse(err);
    if (status >= 500) req.log.error({ err }, 'request failed');
    void reply.status(status).send(body);
  });
  app.setNotFoundHandler((req, reply) => {
    void reply.status(404).send({ error: { code: 'E_ROUTE_NOT_FOUND', message: `no route ${req.method} ${req.url}` } });
  });
}

function toErrorResponse(err: FastifyError): { status: number; body: ErrorBody } {
  if (isDomainError(err)) {
    return { status: HTTP_STATUS_BY_KIND[err.kind], body: { error: { code: err.code, message: err.message, ...err.location } } };
  }
  if (err.validation) {
    const first = err.validation[0];
    const field = validationField(first?.instancePath, first?.params, err.validationContext);
    return { status: 400, body: { error: { code: 'E_VALIDATION', message: `${field}: ${first?.message ?? 'invalid'}`, field } } };
  }
  if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return { status: 413, body: { error: { code: 'E_BODY_TOO_LARGE', message: 'request body is larger than this endpoint accepts; split the import or raise --body-limit' } } };
  }
  if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || err.statusCode === 400) {
    return { status: 400, body: { error: { code: 'E_BAD_REQUEST', message: err.message } } };
  }
  if (err.statusCode === 415) return { status: 415, body: { error: { code: 'E_UNSUPPORTED_MEDIA_TYPE', message: err.message } } };
  return { status: 500, body: { error: { code: 'E_INTERNAL', message: 'internal error; see the server log' } } };
}

function validationField(instancePath: string | undefined, params: Record<string, unknown> | undefined, context: string | undefined): string {
  const base = (instancePath ?? '').replace(/^\//, '').replaceAll('/', '.');
  const missing = typeof params?.missingProperty === 'string' ? params.missingProperty : undefined;
  const extra = typeof params?.additionalProperty === 'string' ? params.additionalProperty : undefined;
  const leaf = missing ?? extra;
  const path = [base, leaf].filter(Boolean).join('.');
  return `${context ?? 'body'}${path ? `.${path}` : ''}`;
}
