/** The parts of an SPDX 2.2 / 2.3 JSON document the inventory reads (checked by the schema first). */
export interface SpdxDocument {
  spdxVersion: string;
  SPDXID: string;
  name: string;
  documentDescribes?: string[];
  packages?: SpdxPackage[];
  relationships?: SpdxRelationship[];
}

/** An SPDX package; its purl, when it has one, is an external reference. */
export interface SpdxPackage {
  SPDXID: string;
  name: string;
  versionInfo?: string;
  primaryPackagePurpose?: string;
  externalRefs?: SpdxExternalRef[];
}

export interface SpdxExternalRef {
  referenceCategory: string;
  referenceType: string;
  referenceLocator: string;
}

export interface SpdxRelationship {
  spdxElementId: string;
  relatedSpdxElement: string;
  relationshipType: string;
}
