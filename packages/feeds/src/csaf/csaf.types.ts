/**
 * The CSAF 2.0 document's own shapes (OASIS CSAF 2.0, csaf_json_schema.json), limited to the
 * members Patchloop reads. snake_case on purpose: these are the feed's types, converted to the
 * domain only by csaf.mapper.ts. A document reaches these types only after it validated.
 */

/** The whole document: `document`, `product_tree`, `vulnerabilities`. */
export interface CsafDocument {
  document: CsafDocumentMeta;
  product_tree?: CsafProductTree;
  vulnerabilities?: CsafVulnerability[];
}

/** `document`: category, publisher, tracking, notes, references. */
export interface CsafDocumentMeta {
  /** "csaf_security_advisory", "csaf_vex", "csaf_base", or a vendor's own category. */
  category: string;
  csaf_version: string;
  title: string;
  publisher: { name: string; namespace: string; category: string };
  tracking: CsafTracking;
  notes?: CsafNote[];
  references?: CsafReference[];
  aggregate_severity?: { text: string; namespace?: string };
}

/** `document.tracking`: the advisory id (RHSA-2024:4546) and its dates. */
export interface CsafTracking {
  id: string;
  initial_release_date: string;
  current_release_date: string;
  status: string;
  version: string;
}

export interface CsafNote {
  category: string;
  text: string;
  title?: string;
}

export interface CsafReference {
  url: string;
  summary: string;
  category?: 'self' | 'external';
}

/** `product_tree`: named products in branches, stand-alone, and combined by relationships. */
export interface CsafProductTree {
  branches?: CsafBranch[];
  full_product_names?: CsafFullProductName[];
  relationships?: CsafRelationship[];
}

/** A branch: vendor, product_family, product_name, product_version, architecture ... */
export interface CsafBranch {
  category: string;
  name: string;
  branches?: CsafBranch[];
  product?: CsafFullProductName;
}

export interface CsafFullProductName {
  name: string;
  product_id: string;
  product_identification_helper?: { cpe?: string; purl?: string };
}

/** "X default_component_of Y": a new product id for X installed as part of Y. */
export interface CsafRelationship {
  category: string;
  full_product_name: CsafFullProductName;
  product_reference: string;
  relates_to_product_reference: string;
}

/** The product_status lists CSAF 2.0 defines. */
export type CsafProductStatusKey =
  | 'first_affected'
  | 'first_fixed'
  | 'fixed'
  | 'known_affected'
  | 'known_not_affected'
  | 'last_affected'
  | 'recommended'
  | 'under_investigation';

export interface CsafVulnerability {
  cve?: string;
  ids?: { system_name: string; text: string }[];
  title?: string;
  notes?: CsafNote[];
  product_status?: Partial<Record<CsafProductStatusKey, string[]>>;
  scores?: CsafScore[];
  threats?: CsafThreat[];
  references?: CsafReference[];
}

export interface CsafScore {
  products: string[];
  cvss_v2?: { vectorString: string; baseScore: number };
  cvss_v3?: { vectorString: string; baseScore: number; version: string };
}

export interface CsafThreat {
  category: string;
  details: string;
  product_ids?: string[];
}
