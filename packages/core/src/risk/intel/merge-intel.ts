import type { VulnerabilityIntel } from '../../advisory/vulnerability-intel.js';
import { invalidInput } from '../../errors/domain-error.js';
import type { Automatable, TechnicalImpact } from '../ssvc/ssvc-decision-points.js';
import { collectCvssCandidates, type AdvisorySeverity } from './cvss-candidate.js';
import { chooseCvss, compareCvssCandidates } from './cvss-choice.js';
import { DEFAULT_CVSS_PRECEDENCE } from './cvss-source.js';
import { DEFAULT_EPSS_POC_THRESHOLD, DEFAULT_EXPLOIT_REFERENCE_PATTERNS, type SourcedReference } from './exploitation.js';
import { provenanceOfIntel } from './intel-provenance.js';
import { pickEpss, pickKev } from './pick-epss-kev.js';
import { pickAdpAssessment, resolveDecisionPoints } from './ssvc-points.js';
import type { VulnerabilityProfile } from './vulnerability-profile.js';

export interface MergeIntelOptions {
  /** CVSS source classes, highest precedence first (see CvssSourceClass). Default vendor > nvd > cisa-adp > cna. */
  readonly precedence?: readonly string[];
  /** EPSS score at or above which Exploitation is derived as poc. Default 0.1. */
  readonly epssPocThreshold?: number;
  /** Reference URLs that count as public exploit code (Exploitation poc). */
  readonly exploitReferencePatterns?: readonly RegExp[];
  /** Automatable when neither ADP nor a CVSS vector gives one. Default "no". */
  readonly unknownAutomatable?: Automatable;
  /** Technical Impact when neither ADP nor a CVSS vector gives one. Default "partial". */
  readonly unknownTechnicalImpact?: TechnicalImpact;
}

const CVE_ID = /^CVE-\d{4}-\d{4,}$/;

function checkCveId(cveId: string, records: readonly VulnerabilityIntel[]): string {
  const id = cveId.trim().toUpperCase();
  if (!CVE_ID.test(id)) throw invalidInput('E_INTEL_CVE_INVALID', `"${cveId}" is not a CVE id`, { field: 'cveId' });
  const stranger = records.find((r) => r.cveId.trim().toUpperCase() !== id);
  if (stranger) {
    throw invalidInput('E_INTEL_CVE_MISMATCH', `record ${stranger.provenance.feed}/${stranger.provenance.recordId} is about ${stranger.cveId}, not ${id}`, { field: 'records' });
  }
  return id;
}

const referencesOf = (records: readonly VulnerabilityIntel[]): SourcedReference[] =>
  records.flatMap((r) => r.references.map((url) => ({ url, provenance: provenanceOfIntel(r) })));

/**
 * Merges what every feed says about one CVE into one profile, each part with its provenance:
 * the chosen CVSS vector (highest version from the highest-precedence source) and every candidate,
 * EPSS, KEV, and the SSVC decision points (CISA ADP when present, else derived). Pure: no clock, no I/O.
 * Invalid vectors do not fail the merge; they are listed in `cvssRejected`.
 * Throws E_INTEL_CVE_INVALID / E_INTEL_CVE_MISMATCH when the id is not a CVE or a record is about another CVE.
 * @example
 * const profile = mergeIntel('CVE-2023-4863', [nvdRecord, cve5Record, kevRecord, epssRecord], severitiesOfAdvisory(dsa));
 * profile.cvss?.cvss.baseScore; profile.ssvc.exploitation // { value: 'active', source: 'derived', rule: 'kev: …' }
 */
export function mergeIntel(
  cveId: string,
  records: readonly VulnerabilityIntel[],
  advisorySeverities: readonly AdvisorySeverity[] = [],
  options: MergeIntelOptions = {},
): VulnerabilityProfile {
  const {
    precedence = DEFAULT_CVSS_PRECEDENCE,
    epssPocThreshold = DEFAULT_EPSS_POC_THRESHOLD,
    exploitReferencePatterns = DEFAULT_EXPLOIT_REFERENCE_PATTERNS,
    unknownAutomatable = 'no',
    unknownTechnicalImpact = 'partial',
  } = options;
  const id = checkCveId(cveId, records);
  const { candidates, rejected } = collectCvssCandidates(records, advisorySeverities);
  const { chosen, rule } = chooseCvss(candidates, precedence);
  const epss = pickEpss(records);
  const kev = pickKev(records);
  const ssvc = resolveDecisionPoints(
    pickAdpAssessment(records),
    { ...(kev ? { kev } : {}), ...(epss ? { epss } : {}), references: referencesOf(records) },
    chosen,
    { epssPocThreshold, exploitReferencePatterns, unknown: { automatable: unknownAutomatable, technicalImpact: unknownTechnicalImpact } },
  );
  return {
    cveId: id,
    ...(chosen ? { cvss: chosen } : {}),
    cvssRule: rule,
    cvssCandidates: [...candidates].sort(compareCvssCandidates(precedence)),
    cvssRejected: rejected,
    ...(epss ? { epss } : {}),
    ...(kev ? { kev } : {}),
    ssvc,
  };
}
