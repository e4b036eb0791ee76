import type { ComponentRef, ProductRef } from '@patchloop/core';
import type { CdxAffects, CdxComponent, CdxDocument } from './cyclonedx-vex.types.js';

/** A BOM's components by bom-ref, with its identity for BOM-links. */
export interface BomIndex {
  /** Serial number without "urn:uuid:", lower case. */
  serial?: string;
  version: number;
  root?: CdxComponent;
  byRef: Map<string, CdxComponent>;
}

/** Indexes metadata.component and every (nested) component by bom-ref. */
export function indexBom(doc: CdxDocument): BomIndex {
  const byRef = new Map<string, CdxComponent>();
  const visit = (c: CdxComponent): void => {
    if (c['bom-ref'] !== undefined && !byRef.has(c['bom-ref'])) byRef.set(c['bom-ref'], c);
    (c.components ?? []).forEach(visit);
  };
  if (doc.metadata?.component) visit(doc.metadata.component);
  (doc.components ?? []).forEach(visit);
  const serial = doc.serialNumber?.replace(/^urn:uuid:/i, '').toLowerCase();
  return { serial, version: doc.version ?? 1, root: doc.metadata?.component, byRef };
}

/** "urn:cdx:<serial>/<version>#<bom-ref>" (CycloneDX BOM-Link to a component), or undefined. */
export function parseBomLink(ref: string): { serial: string; version: number; fragment: string } | undefined {
  const m = /^urn:cdx:([0-9a-f-]{36})\/(\d+)#(.+)$/i.exec(ref);
  if (!m?.[1] || !m[2] || !m[3]) return undefined;
  let fragment = m[3];
  try {
    fragment = decodeURIComponent(fragment);
  } catch {
    // keep the fragment as written when it is not valid percent-encoding
  }
  return { serial: m[1].toLowerCase(), version: Number(m[2]), fragment };
}

function findComponent(ref: string, boms: readonly BomIndex[]): { bom: BomIndex; component: CdxComponent; local: string } | undefined {
  const link = parseBomLink(ref);
  const local = link?.fragment ?? ref;
  const candidates = link === undefined ? boms : boms.filter((b) => b.serial === link.serial && b.version === link.version);
  for (const bom of candidates) {
    const component = bom.byRef.get(local);
    if (component) return { bom, component, local };
  }
  return undefined;
}

/** The BOM-link form of a bom-ref when the BOM has a serial number, else the bom-ref as written. */
function globalRef(bom: BomIndex, local: string | undefined): string | undefined {
  if (local === undefined || bom.serial === undefined) return local;
  return `urn:cdx:${bom.serial}/${bom.version}#${local}`;
}

const purlOf = (text: string): string | undefined => (text.startsWith('pkg:') ? text : undefined);

/**
 * One `affects[]` entry -> product. The ref is looked up in the VEX document and the companion BOMs
 * (a BOM-link only in the BOM with that serial number and version). A component that is not the
 * BOM's root becomes a subcomponent of the root (the vulnerability is assessed in that product);
 * an unresolved ref keeps its text as bom-ref, and as purl when it (or its BOM-link fragment) is one.
 */
export function affectsToProduct(affects: CdxAffects, boms: readonly BomIndex[]): ProductRef {
  const versions = affects.versions === undefined ? {} : { versions: affects.versions.map((v) => ({ ...v })) };
  const found = findComponent(affects.ref, boms);
  if (found === undefined) {
    const purl = purlOf(parseBomLink(affects.ref)?.fragment ?? affects.ref);
    return { ...(purl === undefined ? {} : { purl }), bomRef: affects.ref, ...versions };
  }
  const self: ComponentRef = { ...(found.component.purl === undefined ? {} : { purl: found.component.purl }), bomRef: globalRef(found.bom, found.local), ...versions };
  const root = found.bom.root;
  if (root === undefined || root === found.component) return self;
  const rootBomRef = globalRef(found.bom, root['bom-ref']);
  return { ...(root.purl === undefined ? {} : { purl: root.purl }), ...(rootBomRef === undefined ? {} : { bomRef: rootBomRef }), subcomponents: [self] };
}
