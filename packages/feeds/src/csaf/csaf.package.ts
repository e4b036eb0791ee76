import { languageEcosystemOfPurlType, type PackageKind } from '@patchloop/core';
import type { CsafProduct, ResolvedCsafProduct } from './csaf.product-tree.js';
import { parsePackageUrl, type PackageUrl } from './csaf.purl.js';

/** What a product id of product_status names, in domain terms (ecosystem, name, kind, version). */
export interface CsafPackage {
  ecosystem: string;
  name: string;
  packageKind: PackageKind;
  /** Version the status is about (the fixed version for `fixed`); rpm: always `epoch:version-release`. */
  version?: string;
  /** The purl without version and qualifiers, as OSV's Red Hat converter writes it. */
  purl?: string;
  /** Context worth keeping, e.g. "RHEL module python39:3.9". */
  note?: string;
}

/** A product maps to a package, is ignored on purpose (a module stream), or is skipped with a reason. */
export type CsafPackageResult = { kind: 'package'; pkg: CsafPackage } | { kind: 'ignored' } | { kind: 'skipped'; reason: string };

/** Binary rpm architectures Red Hat names; "src" is the source rpm. */
const RPM_ARCHES = 'src|noarch|x86_64|i686|i386|aarch64|ppc64le|ppc64|s390x|s390|ppc|armv7hl';
/** name-[epoch:]version-release.arch, e.g. "openssl-1:3.0.7-27.el9.x86_64". */
const NEVRA = new RegExp(`^([^\\s/:]+)-(?:(\\d+):)?([^-:\\s]+)-([^-:\\s]+)\\.(${RPM_ARCHES})$`);


/**
 * Map a resolved product to a package. Red Hat rpms (a purl `pkg:rpm/…`, or a NEVRA product name
 * when there is no purl) get the ecosystem of the nearest context with a Red Hat CPE, named as
 * OSV's Red Hat converter names it: "cpe:/a:redhat:rhel_aus:8.6::appstream" → "Red Hat:rhel_aus:8.6::appstream".
 * Language packages take the ecosystem from the purl type. Module streams (`pkg:rpmmod`) are ignored.
 *
 * @example
 * csafProductToPackage(resolved); // { kind: 'package', pkg: { ecosystem: 'Red Hat:enterprise_linux:9::appstream', name: 'openssl', packageKind: 'binary', version: '1:3.0.7-27.el9' } }
 */
export function csafProductToPackage(resolved: ResolvedCsafProduct): CsafPackageResult {
  const { component } = resolved;
  const purl = component.purl === undefined ? undefined : parsePackageUrl(component.purl);
  if (component.purl !== undefined && !purl) return skipped(resolved, `purl "${component.purl}" does not parse`);
  if (purl?.type === 'rpmmod') return { kind: 'ignored' };
  if (purl?.type === 'rpm' || (!purl && NEVRA.test(component.name))) return rpmPackage(resolved, purl);
  if (purl) return languagePackage(resolved, purl);
  return skipped(resolved, 'no purl and the name is not an rpm NEVRA: no ecosystem to match on');
}

/** "Red Hat:rhel_aus:8.6::appstream" from "cpe:/a:redhat:rhel_aus:8.6::appstream"; undefined for other CPEs. */
export function redHatEcosystemFromCpe(cpe: string): string | undefined {
  const m = /^cpe:\/[ao]:redhat(:.*)$/.exec(cpe);
  return m ? `Red Hat${m[1]}` : undefined;
}

interface RpmIdentity {
  name: string;
  epoch: string;
  versionRelease: string;
  arch?: string;
}

function rpmPackage(resolved: ResolvedCsafProduct, purl: PackageUrl | undefined): CsafPackageResult {
  const rpm = purl ? rpmFromPurl(purl) : rpmFromNevra(resolved.component.name);
  if (!rpm) return skipped(resolved, 'rpm without a version');
  const platform = resolved.contexts.find((c) => c.cpe !== undefined && redHatEcosystemFromCpe(c.cpe) !== undefined);
  if (!platform?.cpe) return skipped(resolved, 'rpm not a component of a product with a Red Hat CPE: no release to scope it to');
  const note = moduleNote(resolved.contexts);
  return {
    kind: 'package',
    pkg: {
      ecosystem: redHatEcosystemFromCpe(platform.cpe) ?? '',
      name: rpm.name,
      packageKind: rpm.arch === 'src' ? 'source' : 'binary',
      version: `${rpm.epoch}:${rpm.versionRelease}`,
      purl: `pkg:rpm/${purl?.namespace ?? 'redhat'}/${rpm.name}`,
      ...(note ? { note } : {}),
    },
  };
}

function rpmFromPurl(purl: PackageUrl): RpmIdentity | undefined {
  if (purl.version === undefined) return undefined;
  const m = /^(\d+):(.*)$/.exec(purl.version);
  const epoch = m?.[1] ?? purl.qualifiers.epoch ?? '0';
  return { name: purl.name, epoch, versionRelease: m?.[2] ?? purl.version, ...(purl.qualifiers.arch ? { arch: purl.qualifiers.arch } : {}) };
}

function rpmFromNevra(name: string): RpmIdentity | undefined {
  const m = NEVRA.exec(name);
  if (!m) return undefined;
  const [, n = '', epoch, version = '', release = '', arch = ''] = m;
  return { name: n, epoch: epoch ?? '0', versionRelease: `${version}-${release}`, arch };
}

function languagePackage(resolved: ResolvedCsafProduct, purl: PackageUrl): CsafPackageResult {
  const ecosystem = languageEcosystemOfPurlType(purl.type);
  if (!ecosystem) return skipped(resolved, `purl type "${purl.type}" has no OSV ecosystem Patchloop can scope without a distro release`);
  const separator = purl.type === 'maven' ? ':' : '/';
  const name = purl.namespace === undefined ? purl.name : `${purl.namespace}${separator}${purl.name}`;
  const base = `pkg:${purl.type}/${purl.namespace === undefined ? '' : `${purl.namespace}/`}${purl.name}`;
  return { kind: 'package', pkg: { ecosystem, name, packageKind: 'binary', ...(purl.version ? { version: purl.version } : {}), purl: base } };
}

function moduleNote(contexts: readonly CsafProduct[]): string | undefined {
  const mod = contexts.find((c) => c.purl?.startsWith('pkg:rpmmod/'));
  if (!mod) return undefined;
  const [name, stream] = mod.name.split(':');
  return `RHEL module ${name ?? mod.name}${stream === undefined ? '' : `:${stream}`}`;
}

function skipped(resolved: ResolvedCsafProduct, why: string): CsafPackageResult {
  return { kind: 'skipped', reason: `product ${resolved.productId} ("${resolved.component.name}"): ${why}` };
}
