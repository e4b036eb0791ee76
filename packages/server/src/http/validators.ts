import { Ajv, type AnySchema } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';

/**
 * Request validation. Query strings and path params arrive as text, so they are coerced
 * ("limit=2" -> 2). JSON bodies are NOT coerced: `"tags": [1]` is a 400, not the string "1".
 */
export function installValidators(app: FastifyInstance, sharedSchemas: readonly AnySchema[]): void {
  const body = newAjv(false, sharedSchemas);
  const text = newAjv('array', sharedSchemas);
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? body : text).compile(schema));
}

function newAjv(coerceTypes: false | 'array', sharedSchemas: readonly AnySchema[]): Ajv {
  const ajv = new Ajv({ coerceTypes, useDefaults: true, removeAdditional: false, allErrors: false, strict: false });
  (addFormats as unknown as (a: Ajv) => void)(ajv);
  for (const s of sharedSchemas) ajv.addSchema(s);
  return ajv;
}
