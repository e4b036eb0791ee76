import type { Job } from './job-state.js';

/** The fields of a job an agent must be able to trust; everything else is scheduling. */
export type SignableJob = Pick<Job, 'id' | 'assetId' | 'kind' | 'args' | 'idempotencyKey' | 'notBefore' | 'expiresAt'>;

/**
 * Deterministic JSON: object keys sorted (by UTF-16 code unit), no whitespace, undefined
 * properties dropped. Only plain JSON values are accepted.
 * @example canonicalJson({ b: 1, a: [true, null] }) // '{"a":[true,null],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('canonicalJson: numbers must be finite');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v ?? null)).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  throw new TypeError(`canonicalJson: ${typeof value} is not JSON`);
}

/** The signed payload of a job: absent notBefore/expiresAt are null, so they cannot be added later unnoticed. */
export function jobSigningPayload(job: SignableJob): string {
  return canonicalJson({
    v: 1,
    id: job.id,
    assetId: job.assetId,
    kind: job.kind,
    args: job.args,
    idempotencyKey: job.idempotencyKey,
    notBefore: job.notBefore ?? null,
    expiresAt: job.expiresAt ?? null,
  });
}

/** The exact bytes to sign and verify (UTF-8 of jobSigningPayload). */
export function jobSigningBytes(job: SignableJob): Uint8Array {
  return new TextEncoder().encode(jobSigningPayload(job));
}
