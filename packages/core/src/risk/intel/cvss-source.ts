import type { Severity } from '../../advisory/advisory.js';
import type { CvssMetric, VulnerabilityIntel } from '../../advisory/vulnerability-intel.js';

/**
 * Who scored a CVSS vector, as the precedence list names them:
 * - vendor: the advisory publisher (CSAF, OSV, distro feeds), i.e. severities on advisories;
 * - nvd: NIST's own (NVD "Primary", scorer nvd@nist.gov);
 * - cisa-adp: CISA's ADP container in CVE 5 (or NVD secondary metrics scored by CISA-ADP);
 * - cna: the CVE Numbering Authority (CVE 5 "cna" container, NVD "Secondary" from a CNA);
 * - adp: another ADP; other: anything else.
 */
export type CvssSourceClass = 'vendor' | 'nvd' | 'cisa-adp' | 'cna' | 'adp' | 'other';

/** Default precedence, highest first. Classes not listed rank after all listed ones. */
export const DEFAULT_CVSS_PRECEDENCE: readonly CvssSourceClass[] = ['vendor', 'nvd', 'cisa-adp', 'cna'];

/** CISA-ADP's organisation id as NVD shows it for metrics CISA's ADP provided. */
const CISA_ADP_ORG_ID = '134c704f-9b21-4f2e-91b3-4a467353bcc0';

const isCisa = (scorer: string | undefined): boolean =>
  scorer !== undefined && (/cisa/i.test(scorer) || scorer.toLowerCase() === CISA_ADP_ORG_ID);

/** Classifies a CVSS metric of a VulnerabilityIntel record by feed, kind and scorer. */
export function classifyIntelCvss(intel: VulnerabilityIntel, metric: CvssMetric): CvssSourceClass {
  if (isCisa(metric.scorer)) return 'cisa-adp';
  const kind = metric.kind?.toLowerCase();
  if (intel.source === 'nvd') return kind === 'secondary' ? 'cna' : 'nvd';
  if (intel.source === 'cve5') return kind === 'adp' ? 'adp' : 'cna';
  return 'other';
}

/** Classifies a severity on an advisory: its `source` when it names a known class, else the vendor (the advisory's publisher). */
export function classifyAdvisoryCvss(severity: Severity): CvssSourceClass {
  const source = severity.source?.toLowerCase();
  if (source === 'nvd' || source === 'cna' || source === 'adp') return source;
  if (isCisa(source)) return 'cisa-adp';
  return 'vendor';
}
