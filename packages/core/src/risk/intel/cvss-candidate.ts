import type { Advisory, Severity } from '../../advisory/advisory.js';
import type { VulnerabilityIntel } from '../../advisory/vulnerability-intel.js';
import { isDomainError } from '../../errors/domain-error.js';
import { scoreCvssVector, type CvssScore } from '../cvss/cvss-score.js';
import { classifyAdvisoryCvss, classifyIntelCvss, type CvssSourceClass } from './cvss-source.js';
import { provenanceOf, provenanceOfIntel, type IntelProvenance } from './intel-provenance.js';

/** A CVSS vector some source gave for the CVE, rescored from the vector. */
export interface CvssCandidate {
  readonly cvss: CvssScore;
  readonly sourceClass: CvssSourceClass;
  /** Who scored it, as the feed says (nvd@nist.gov, a CNA's address, CISA-ADP, a vendor). */
  readonly scorer?: string;
  /** The base score the feed published, kept to show where it disagrees with the vector. */
  readonly publishedBaseScore?: number;
  readonly provenance: IntelProvenance;
}

/** A vector that could not be scored: kept, with the reason, instead of failing the merge. */
export interface RejectedCvss {
  readonly vector: string;
  readonly sourceClass: CvssSourceClass;
  readonly provenance: IntelProvenance;
  readonly reason: string;
}

/** A severity from an advisory, with the advisory's provenance when the caller has it. */
export type AdvisorySeverity = Severity & { readonly provenance?: IntelProvenance };

const CVSS_TYPES: ReadonlySet<string> = new Set(['CVSS_V2', 'CVSS_V3', 'CVSS_V4']);

/** The CVSS severities of an advisory, each carrying the advisory's provenance. */
export function severitiesOfAdvisory(advisory: Advisory): AdvisorySeverity[] {
  const provenance = provenanceOf(advisory);
  return advisory.severities.map((s) => ({ ...s, provenance }));
}

interface RawVector { vector: string; sourceClass: CvssSourceClass; provenance: IntelProvenance; scorer?: string; publishedBaseScore?: number }

function rawVectors(records: readonly VulnerabilityIntel[], severities: readonly AdvisorySeverity[]): RawVector[] {
  const fromIntel = records.flatMap((intel) => intel.cvss.map((m): RawVector => ({
    vector: m.vector,
    sourceClass: classifyIntelCvss(intel, m),
    provenance: provenanceOfIntel(intel),
    ...(m.scorer === undefined ? {} : { scorer: m.scorer }),
    ...(m.baseScore === undefined ? {} : { publishedBaseScore: m.baseScore }),
  })));
  const fromAdvisories = severities.filter((s) => CVSS_TYPES.has(s.type)).map((s): RawVector => ({
    vector: s.score,
    sourceClass: classifyAdvisoryCvss(s),
    provenance: s.provenance ?? { feed: s.source ?? 'advisory', recordId: '', date: '' },
    ...(s.source === undefined ? {} : { scorer: s.source }),
  }));
  return [...fromIntel, ...fromAdvisories];
}

/**
 * Every CVSS vector the records and advisory severities carry, scored. A vector that does not
 * parse is returned in `rejected` with the reason (E_CVSS_INVALID's message); other errors propagate.
 */
export function collectCvssCandidates(
  records: readonly VulnerabilityIntel[],
  severities: readonly AdvisorySeverity[],
): { candidates: CvssCandidate[]; rejected: RejectedCvss[] } {
  const candidates: CvssCandidate[] = [];
  const rejected: RejectedCvss[] = [];
  for (const { vector, ...rest } of rawVectors(records, severities)) {
    try {
      candidates.push({ cvss: scoreCvssVector(vector), ...rest });
    } catch (e) {
      if (!isDomainError(e) || e.code !== 'E_CVSS_INVALID') throw e;
      rejected.push({ vector, sourceClass: rest.sourceClass, provenance: rest.provenance, reason: e.message });
    }
  }
  return { candidates, rejected };
}
