/**
 * The parts of a CycloneDX JSON BOM (1.2 - 1.6) the inventory reads. The schema check runs
 * before these types are trusted; everything else in the BOM is ignored.
 */
export interface CycloneDxBom {
  bomFormat: 'CycloneDX';
  specVersion: string;
  metadata?: { component?: CycloneDxComponent };
  components?: CycloneDxComponent[];
}

/** A CycloneDX component; `components` nests sub-components (assemblies). */
export interface CycloneDxComponent {
  type: string;
  name: string;
  group?: string;
  version?: string;
  purl?: string;
  'bom-ref'?: string;
  components?: CycloneDxComponent[];
}
