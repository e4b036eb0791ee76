import { invalidInput } from '@patchloop/core';
import type { FeedSourceName } from './feed-format.js';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/**
 * How old each source's data may get before status flags it stale. Defaults follow how often the
 * sources publish: KEV, EPSS and NVD daily; OSV and distro feeds several times a day; CSAF on release.
 */
export const DEFAULT_FRESHNESS_MS: Record<FeedSourceName, number> = {
  osv: 2 * DAY,
  'debian-oval': 2 * DAY,
  'debian-dsa': 2 * DAY,
  'debian-tracker': 2 * DAY,
  'ubuntu-oval': 2 * DAY,
  'alpine-secdb': 3 * DAY,
  csaf: 7 * DAY,
  nvd: 2 * DAY,
  cve5: 2 * DAY,
  kev: 2 * DAY,
  epss: 2 * DAY,
};

/**
 * Parses overrides such as "kev=36h,epss=2d,nvd=90m" (units: m, h, d).
 * @example parseFreshness('kev=36h') // { kev: 129600000 }
 */
export function parseFreshness(text: string): Partial<Record<string, number>> {
  const out: Partial<Record<string, number>> = {};
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const m = /^([a-z0-9-]+)=(\d+(?:\.\d+)?)([mhd])$/.exec(part);
    if (!m) throw invalidInput('E_FRESHNESS_INVALID', `"${part}" is not SOURCE=N(m|h|d), e.g. kev=36h`, { field: 'freshness' });
    const unit = m[3] === 'm' ? 60_000 : m[3] === 'h' ? HOUR : DAY;
    out[m[1]!] = Number(m[2]) * unit;
  }
  return out;
}
