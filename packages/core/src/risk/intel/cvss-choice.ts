import type { CvssVersion } from '../../advisory/vulnerability-intel.js';
import type { CvssCandidate } from './cvss-candidate.js';

const VERSION_RANK: Readonly<Record<CvssVersion, number>> = { '2.0': 0, '3.0': 1, '3.1': 2, '4.0': 3 };

/** The chosen vector and the rule that chose it, in words. */
export interface CvssChoice {
  readonly chosen?: CvssCandidate;
  readonly rule: string;
}

function sourceRank(precedence: readonly string[], c: CvssCandidate): number {
  const i = precedence.indexOf(c.sourceClass);
  return i === -1 ? precedence.length : i;
}

/**
 * Orders candidates best first: (1) source class by `precedence` (unlisted classes after all listed),
 * (2) higher CVSS version (4.0 > 3.1 > 3.0 > 2.0), (3) newer record, (4) higher base score
 * (the more cautious reading), (5) vector text, so the choice never depends on input order.
 */
export function compareCvssCandidates(precedence: readonly string[]): (a: CvssCandidate, b: CvssCandidate) => number {
  return (a, b) =>
    sourceRank(precedence, a) - sourceRank(precedence, b) ||
    VERSION_RANK[b.cvss.version] - VERSION_RANK[a.cvss.version] ||
    b.provenance.date.localeCompare(a.provenance.date) ||
    b.cvss.baseScore - a.cvss.baseScore ||
    a.cvss.vector.localeCompare(b.cvss.vector);
}

/**
 * Chooses the CVSS vector the engine scores with: the highest version available from the
 * highest-precedence source that has any valid vector (see `compareCvssCandidates`).
 * @example chooseCvss(candidates, ['vendor', 'nvd', 'cisa-adp', 'cna'])
 */
export function chooseCvss(candidates: readonly CvssCandidate[], precedence: readonly string[]): CvssChoice {
  const [chosen] = [...candidates].sort(compareCvssCandidates(precedence));
  if (!chosen) return { rule: 'no valid CVSS vector from any source' };
  const order = precedence.join(' > ');
  const rule = `source "${chosen.sourceClass}" ranks first among sources with a vector (precedence ${order}); ` +
    `its highest version is ${chosen.cvss.version} (${chosen.provenance.feed} ${chosen.provenance.recordId})`;
  return { chosen, rule };
}
