import { invalidInput } from '@patchloop/core';
import type { InstalledPackage, InventorySnapshot, OsInfo } from '@patchloop/core';
import type { ApplicationParseOptions } from '../application-parser.js';
import { chooseAssetName } from '../shared/asset-name.js';
import { dedupePackages } from '../shared/package-set.js';
import { parsePurl, purlToPackage } from '../shared/purl-package.js';
import { jsonPointer } from '../shared/schema-error.js';
import type { CycloneDxBom, CycloneDxComponent } from './cyclonedx.types.js';

/** A component and the JSON pointer it sits at. */
interface PlacedComponent {
  component: CycloneDxComponent;
  pointer: string;
}

/** Component types that are not software packages: skipped without a warning when they carry no purl. */
const NON_PACKAGE_TYPES = new Set(['file', 'data', 'device', 'machine-learning-model', 'cryptographic-asset']);

/**
 * Maps a schema-valid BOM to a snapshot. Every component (nested ones too) with a purl becomes a
 * package; components without a purl, or with a purl of no known ecosystem, are skipped with a warning.
 * The first "operating-system" component fills asset.os. metadata.component is the asset.
 */
export function cycloneDxBomToSnapshot(bom: CycloneDxBom, opts: ApplicationParseOptions): InventorySnapshot {
  const warnings: string[] = [];
  const packages: InstalledPackage[] = [];
  let os: OsInfo | undefined;
  for (const placed of listComponents(bom)) {
    if (placed.component.type === 'operating-system' && placed.component.purl === undefined) {
      os ??= osComponentToOsInfo(placed.component);
      continue;
    }
    const result = componentToPackage(placed, opts.file);
    if (result.pkg) packages.push(result.pkg);
    if (result.warning) warnings.push(result.warning);
  }
  const root = bom.metadata?.component;
  const asset: InventorySnapshot['asset'] = {
    name: chooseAssetName(opts, root?.name),
    kind: root?.type === 'container' ? 'image' : 'application',
    source: 'sbom:cyclonedx',
  };
  if (os) asset.os = os;
  return { asset, packages: dedupePackages(packages), warnings };
}

/** Every component in document order, depth first: metadata.component's children, then components[]. */
export function listComponents(bom: CycloneDxBom): PlacedComponent[] {
  const out: PlacedComponent[] = [];
  const walk = (components: CycloneDxComponent[] | undefined, base: string): void => {
    components?.forEach((component, i) => {
      const pointer = `${base}${jsonPointer(i)}`;
      out.push({ component, pointer });
      walk(component.components, `${pointer}/components`);
    });
  };
  walk(bom.metadata?.component?.components, '/metadata/component/components');
  walk(bom.components, '/components');
  return out;
}

/**
 * One component -> a package, a warning, or nothing. A purl that does not parse is bad input
 * (E_PURL_INVALID naming the field), not a warning: the document is wrong, not just incomplete.
 */
export function componentToPackage({ component, pointer }: PlacedComponent, file?: string): { pkg?: InstalledPackage; warning?: string } {
  if (component.purl === undefined) {
    if (NON_PACKAGE_TYPES.has(component.type)) return {};
    return { warning: `${pointer}: ${component.type} "${component.name}" has no purl: skipped` };
  }
  const field = `${pointer}/purl`;
  let parsed;
  try {
    parsed = parsePurl(component.purl);
  } catch (cause) {
    throw invalidInput('E_PURL_INVALID', `purl "${component.purl}" does not parse: ${(cause as Error).message}`, { file, field }, cause);
  }
  const mapped = purlToPackage(parsed, component.purl, component.version);
  if (!mapped.ok) return { warning: `${pointer}: ${mapped.reason}: skipped` };
  return mapped.warning === undefined ? { pkg: mapped.pkg } : { pkg: mapped.pkg, warning: `${pointer}: ${mapped.warning}` };
}

/** An "operating-system" component (as syft writes it: name "debian", version "12") -> OsInfo. */
export function osComponentToOsInfo(component: CycloneDxComponent): OsInfo {
  const id = component.name.toLowerCase();
  const os: OsInfo = { family: id, id, name: component.name };
  if (component.version !== undefined) os.version = component.version;
  return os;
}
