import { invalidInput } from '@patchloop/core';
import type { InstalledPackage, InventorySnapshot } from '@patchloop/core';
import type { ApplicationParseOptions } from '../application-parser.js';
import { chooseAssetName } from '../shared/asset-name.js';
import { dedupePackages } from '../shared/package-set.js';
import { parsePurl, purlToPackage } from '../shared/purl-package.js';
import { jsonPointer } from '../shared/schema-error.js';
import type { SpdxDocument, SpdxPackage } from './spdx.types.js';

/**
 * Maps a schema-valid SPDX document to a snapshot. The described package (documentDescribes or a
 * DESCRIBES relationship from the document) is the asset, not a package, when exactly one package
 * is described; every other package with a purl becomes a package. Packages without a purl, or
 * with a purl of no known ecosystem, are skipped with a warning.
 */
export function spdxDocumentToSnapshot(doc: SpdxDocument, opts: ApplicationParseOptions): InventorySnapshot {
  const root = findDescribedPackage(doc);
  const warnings: string[] = [];
  const packages: InstalledPackage[] = [];
  (doc.packages ?? []).forEach((pkg, i) => {
    if (pkg === root) return;
    const result = spdxPackageToPackage(pkg, jsonPointer('packages', i), opts.file);
    if (result.pkg) packages.push(result.pkg);
    if (result.warning) warnings.push(result.warning);
  });
  const asset: InventorySnapshot['asset'] = {
    name: chooseAssetName(opts, root?.name ?? doc.name),
    kind: root?.primaryPackagePurpose === 'CONTAINER' ? 'image' : 'application',
    source: 'sbom:spdx',
  };
  return { asset, packages: dedupePackages(packages), warnings };
}

/** The one package the document describes, or undefined when it describes none or several. */
export function findDescribedPackage(doc: SpdxDocument): SpdxPackage | undefined {
  const described = new Set(doc.documentDescribes ?? []);
  for (const r of doc.relationships ?? []) {
    if (r.spdxElementId === doc.SPDXID && r.relationshipType === 'DESCRIBES') described.add(r.relatedSpdxElement);
    if (r.relatedSpdxElement === doc.SPDXID && r.relationshipType === 'DESCRIBED_BY') described.add(r.spdxElementId);
  }
  const packages = (doc.packages ?? []).filter((p) => described.has(p.SPDXID));
  return packages.length === 1 ? packages[0] : undefined;
}

/** The purl of a package: its first PACKAGE-MANAGER (or 2.2's PACKAGE_MANAGER) external ref of type purl. */
export function findPurlRef(pkg: SpdxPackage): { index: number; purl: string } | undefined {
  const index = (pkg.externalRefs ?? []).findIndex(
    (r) => (r.referenceCategory === 'PACKAGE-MANAGER' || r.referenceCategory === 'PACKAGE_MANAGER') && r.referenceType === 'purl',
  );
  const ref = pkg.externalRefs?.[index];
  return ref === undefined ? undefined : { index, purl: ref.referenceLocator };
}

/** One SPDX package -> a package or a warning; a purl that does not parse is E_PURL_INVALID. */
export function spdxPackageToPackage(pkg: SpdxPackage, pointer: string, file?: string): { pkg?: InstalledPackage; warning?: string } {
  const ref = findPurlRef(pkg);
  if (ref === undefined) return { warning: `${pointer}: package "${pkg.name}" (${pkg.SPDXID}) has no purl: skipped` };
  const field = `${pointer}/externalRefs/${ref.index}/referenceLocator`;
  let parsed;
  try {
    parsed = parsePurl(ref.purl);
  } catch (cause) {
    throw invalidInput('E_PURL_INVALID', `purl "${ref.purl}" does not parse: ${(cause as Error).message}`, { file, field }, cause);
  }
  const version = pkg.versionInfo === 'NOASSERTION' ? undefined : pkg.versionInfo;
  const mapped = purlToPackage(parsed, ref.purl, version);
  if (!mapped.ok) return { warning: `${pointer}: ${mapped.reason}: skipped` };
  return mapped.warning === undefined ? { pkg: mapped.pkg } : { pkg: mapped.pkg, warning: `${pointer}: ${mapped.warning}` };
}
