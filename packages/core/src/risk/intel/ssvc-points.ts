import type { SsvcDecisionPoints, VulnerabilityIntel } from '../../advisory/vulnerability-intel.js';
import type { Automatable, TechnicalImpact } from '../ssvc/ssvc-decision-points.js';
import type { CvssCandidate } from './cvss-candidate.js';
import { automatableFromCvss, technicalImpactFromCvss, type Derived } from './cvss-derivation.js';
import { deriveExploitation, type ExploitationEvidence, type ExploitationRules } from './exploitation.js';
import { provenanceOfIntel, type IntelProvenance } from './intel-provenance.js';
import type { DecisionPointValue, VulnerabilityDecisionPoints } from './vulnerability-profile.js';

/** Values used when there is neither an ADP assessment nor a CVSS vector to derive from. */
export interface UnknownDecisionPointDefaults {
  readonly automatable: Automatable;
  readonly technicalImpact: TechnicalImpact;
}

export interface DecisionPointRules extends ExploitationRules {
  readonly unknown: UnknownDecisionPointDefaults;
}

interface AdpAssessment { readonly ssvc: SsvcDecisionPoints; readonly provenance: IntelProvenance }

/** CISA's newest ADP SSVC assessment among the records (by its timestamp, else the record date). */
export function pickAdpAssessment(records: readonly VulnerabilityIntel[]): AdpAssessment | undefined {
  const found = records.flatMap((r) => (r.ssvc ? [{ ssvc: r.ssvc, provenance: provenanceOfIntel(r, r.ssvc.timestamp) }] : []));
  found.sort((a, b) => b.provenance.date.localeCompare(a.provenance.date));
  return found[0];
}

const fromAdp = <T extends string>(value: T, adp: AdpAssessment): DecisionPointValue<T> =>
  ({ value, source: 'cisa-adp', rule: `cisa-adp: ${adp.ssvc.scorer ?? 'CISA ADP'} assessment of ${adp.provenance.date}`, provenance: [adp.provenance] });

function fromCvss<T extends string>(cvss: CvssCandidate | undefined, derive: (c: CvssCandidate['cvss']) => Derived<T>, fallback: T): DecisionPointValue<T> {
  if (!cvss) return { value: fallback, source: 'derived', rule: `default: no ADP value and no CVSS vector, assumed ${fallback}`, provenance: [] };
  const d = derive(cvss.cvss);
  return { value: d.value, source: 'derived', rule: `${d.rule} [${cvss.cvss.vector}]`, provenance: [cvss.provenance] };
}

/**
 * The three vulnerability-side decision points: CISA ADP's value when it gave one, else derived.
 * One exception: a CVE listed in KEV is "active" even if an older ADP assessment says otherwise
 * (source "derived", rule "kev-overrides-adp"): KEV is CISA's own later evidence.
 */
export function resolveDecisionPoints(
  adp: AdpAssessment | undefined,
  evidence: ExploitationEvidence,
  cvss: CvssCandidate | undefined,
  rules: DecisionPointRules,
): VulnerabilityDecisionPoints {
  return {
    exploitation: resolveExploitation(adp, evidence, rules),
    automatable: adp?.ssvc.automatable ? fromAdp(adp.ssvc.automatable, adp) : fromCvss(cvss, automatableFromCvss, rules.unknown.automatable),
    technicalImpact: adp?.ssvc.technicalImpact ? fromAdp(adp.ssvc.technicalImpact, adp) : fromCvss(cvss, technicalImpactFromCvss, rules.unknown.technicalImpact),
  };
}

function resolveExploitation(adp: AdpAssessment | undefined, evidence: ExploitationEvidence, rules: ExploitationRules): VulnerabilityDecisionPoints['exploitation'] {
  const adpValue = adp?.ssvc.exploitation;
  if (!adp || adpValue === undefined) return deriveExploitation(evidence, rules);
  const { kev } = evidence;
  if (kev && adpValue !== 'active') {
    const rule = `kev-overrides-adp: CISA ADP said ${adpValue} (${adp.provenance.date}); listed in CISA KEV since ${kev.dateAdded}`;
    return { value: 'active', source: 'derived', rule, provenance: [adp.provenance, kev.provenance] };
  }
  return fromAdp(adpValue, adp);
}
