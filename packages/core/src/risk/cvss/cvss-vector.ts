import type { CvssVersion } from '../../advisory/vulnerability-intel.js';
import { invalidInput, type DomainError } from '../../errors/domain-error.js';

/** A vector split into its version and metrics, as written (not yet checked against the spec). */
export interface SplitCvssVector {
  readonly version: CvssVersion;
  /** Metric short name -> value, in the order written. */
  readonly metrics: ReadonlyMap<string, string>;
}

const PREFIXES: readonly (readonly [string, CvssVersion])[] = [
  ['CVSS:4.0/', '4.0'],
  ['CVSS:3.1/', '3.1'],
  ['CVSS:3.0/', '3.0'],
];

const METRIC = /^([A-Za-z]+):([A-Za-z*]+)$/;

/** The E_CVSS_INVALID error, naming the vector and (when known) the metric at fault. */
export function invalidCvss(vector: string, problem: string, metric?: string): DomainError {
  const at = metric === undefined ? '' : ` (metric ${metric})`;
  return invalidInput('E_CVSS_INVALID', `invalid CVSS vector "${vector}"${at}: ${problem}`, metric === undefined ? undefined : { field: metric });
}

/**
 * Splits a CVSS vector into version and metrics. v3.x and v4.0 need their `CVSS:x.y/` prefix; a vector
 * without a prefix is CVSS v2 (NVD and OSV write v2 bare). Rejects empty parts, malformed `KEY:VALUE`
 * parts and repeated metrics; which metrics and values exist is checked by the scorer.
 * @example splitCvssVector('CVSS:3.1/AV:N/AC:L') // { version: '3.1', metrics: Map { AV => N, AC => L } }
 */
export function splitCvssVector(vector: string): SplitCvssVector {
  const text = vector.trim();
  const prefix = PREFIXES.find(([p]) => text.startsWith(p));
  if (!prefix && text.startsWith('CVSS:')) throw invalidCvss(vector, `unknown version "${text.split('/')[0] ?? ''}" (expected CVSS:3.0, CVSS:3.1 or CVSS:4.0, or a bare v2 vector)`);
  const version: CvssVersion = prefix ? prefix[1] : '2.0';
  const body = prefix ? text.slice(prefix[0].length) : text;
  if (body === '') throw invalidCvss(vector, 'no metrics');
  const metrics = new Map<string, string>();
  for (const part of body.split('/')) {
    const m = METRIC.exec(part);
    if (!m) throw invalidCvss(vector, `"${part}" is not a METRIC:VALUE pair`);
    const [, key = '', value = ''] = m;
    if (metrics.has(key)) throw invalidCvss(vector, `metric ${key} appears more than once`, key);
    metrics.set(key, value);
  }
  return { version, metrics };
}
