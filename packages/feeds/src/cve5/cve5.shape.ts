import { Ajv, type ValidateFunction } from 'ajv';
import type { Cve5Record } from './cve5.types.js';

// The subset of the CVE Record Format 5.x schema this source relies on (written here: the
// full schema is 100+ KB and checks much we never read). Unknown members are allowed.
const CONTAINER = {
  type: 'object',
  required: ['providerMetadata'],
  properties: {
    providerMetadata: { type: 'object', properties: { shortName: { type: 'string' } } },
    descriptions: { type: 'array', items: { type: 'object', required: ['lang', 'value'], properties: { lang: { type: 'string' }, value: { type: 'string' } } } },
    metrics: { type: 'array', items: { type: 'object' } },
    problemTypes: { type: 'array', items: { type: 'object', properties: { descriptions: { type: 'array', items: { type: 'object' } } } } },
    references: { type: 'array', items: { type: 'object', required: ['url'], properties: { url: { type: 'string' } } } },
  },
};

export const CVE5_SHAPE_SCHEMA = {
  type: 'object',
  required: ['dataType', 'dataVersion', 'cveMetadata', 'containers'],
  properties: {
    dataType: { const: 'CVE_RECORD' },
    dataVersion: { type: 'string', pattern: '^5\\.' },
    cveMetadata: {
      type: 'object',
      required: ['cveId', 'state'],
      properties: { cveId: { type: 'string' }, state: { enum: ['PUBLISHED', 'REJECTED'] }, datePublished: { type: 'string' }, dateUpdated: { type: 'string' } },
    },
    containers: {
      type: 'object',
      required: ['cna'],
      properties: { cna: CONTAINER, adp: { type: 'array', items: CONTAINER } },
    },
  },
};

let validate: ValidateFunction<Cve5Record> | undefined;

/** Undefined when the record has the shape this source reads, else the problems in one line. */
export function findCve5ShapeProblems(json: unknown): string | undefined {
  validate ??= new Ajv({ allErrors: true }).compile<Cve5Record>(CVE5_SHAPE_SCHEMA);
  if (validate(json)) return undefined;
  return (validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword}`).join('; ');
}
