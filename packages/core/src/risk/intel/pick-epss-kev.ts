import type { VulnerabilityIntel } from '../../advisory/vulnerability-intel.js';
import { provenanceOfIntel } from './intel-provenance.js';
import type { ProfileEpss, ProfileKev } from './vulnerability-profile.js';

/** The newest EPSS score (by score date; equal dates: the higher score). */
export function pickEpss(records: readonly VulnerabilityIntel[]): ProfileEpss | undefined {
  const scored = records.flatMap((r) => (r.epss ? [{ r, epss: r.epss }] : []));
  scored.sort((a, b) => b.epss.date.localeCompare(a.epss.date) || b.epss.score - a.epss.score);
  const [best] = scored;
  if (!best) return undefined;
  const { score, percentile, date } = best.epss;
  return { score, percentile, date, provenance: provenanceOfIntel(best.r, date) };
}

/**
 * The KEV entry: from the KEV catalog feed itself when present, else from another record that
 * carries one (a CVE 5 CISA ADP container). Among several, the newest record wins.
 */
export function pickKev(records: readonly VulnerabilityIntel[]): ProfileKev | undefined {
  const listed = records.flatMap((r) => (r.kev ? [{ r, kev: r.kev, date: provenanceOfIntel(r).date }] : []));
  listed.sort((a, b) => Number(b.r.source === 'kev') - Number(a.r.source === 'kev') || b.date.localeCompare(a.date));
  const [best] = listed;
  if (!best) return undefined;
  const { dateAdded, dueDate, knownRansomwareCampaignUse } = best.kev;
  return {
    dateAdded,
    ...(dueDate === undefined ? {} : { dueDate }),
    ransomware: knownRansomwareCampaignUse === 'Known' ? 'known' : 'unknown',
    provenance: provenanceOfIntel(best.r),
  };
}
