/** The parts of a CycloneDX (1.4-1.6) document that VEX reading uses. Field names as published. */
export interface CdxDocument {
  bomFormat: 'CycloneDX';
  specVersion?: string;
  /** "urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79" */
  serialNumber?: string;
  version?: number;
  metadata?: CdxMetadata;
  components?: CdxComponent[];
  vulnerabilities?: unknown[];
}

export interface CdxMetadata {
  timestamp?: string;
  component?: CdxComponent;
  authors?: { name?: string }[];
  manufacture?: { name?: string };
  supplier?: { name?: string };
}

export interface CdxComponent {
  'bom-ref'?: string;
  name?: string;
  version?: string;
  purl?: string;
  components?: CdxComponent[];
}

/** analysis.state values of CycloneDX. */
export type CdxAnalysisState = 'resolved' | 'resolved_with_pedigree' | 'exploitable' | 'in_triage' | 'false_positive' | 'not_affected';

export interface CdxAffectedVersion {
  version?: string;
  range?: string;
  status?: 'affected' | 'unaffected' | 'unknown';
}

export interface CdxAffects {
  ref: string;
  versions?: CdxAffectedVersion[];
}

/** One entry of `vulnerabilities[]` after the structural checks of cyclonedx-vex.checks.ts. */
export interface CdxVulnerability {
  'bom-ref'?: string;
  id: string;
  references?: { id?: string }[];
  recommendation?: string;
  created?: string;
  published?: string;
  updated?: string;
  analysis?: {
    state?: CdxAnalysisState;
    justification?: string;
    response?: string[];
    detail?: string;
    firstIssued?: string;
    lastUpdated?: string;
  };
  affects: CdxAffects[];
}
