/** OpenVEX document (v0.2.0 shape; v0.0.1 documents are upgraded to it first). Field names as published. */
export interface OpenVexDocument {
  '@context': string;
  '@id': string;
  author: string;
  role?: string;
  timestamp?: string;
  last_updated?: string;
  version?: number;
  tooling?: string;
  statements: OpenVexStatement[];
}

export interface OpenVexVulnerability {
  '@id'?: string;
  name: string;
  description?: string;
  aliases?: string[];
}

export interface OpenVexIdentifiers {
  purl?: string;
  cpe22?: string;
  cpe23?: string;
}

export interface OpenVexSubcomponent {
  '@id'?: string;
  identifiers?: OpenVexIdentifiers;
  hashes?: Record<string, string>;
}

export interface OpenVexComponent extends OpenVexSubcomponent {
  subcomponents?: OpenVexSubcomponent[];
}

export interface OpenVexStatement {
  '@id'?: string;
  version?: number;
  vulnerability: OpenVexVulnerability;
  timestamp?: string;
  last_updated?: string;
  products?: OpenVexComponent[];
  status: 'not_affected' | 'affected' | 'fixed' | 'under_investigation';
  supplier?: string;
  status_notes?: string;
  justification?: 'component_not_present' | 'vulnerable_code_not_present' | 'vulnerable_code_not_in_execute_path' | 'vulnerable_code_cannot_be_controlled_by_adversary' | 'inline_mitigations_already_exist';
  impact_statement?: string;
  action_statement?: string;
  action_statement_timestamp?: string;
}

/** Spec versions this parser reads, from the document's @context. */
export type OpenVexSpecVersion = 'v0.0.1' | 'v0.2.0';
