import { splitEcosystem } from '@patchloop/core';
import { OsPurlBuilder, type OsPurlType } from './os-purl-string.js';

export type { OsPurlType } from './os-purl-string.js';

/** The purl coordinates of one OS package. `version` is what goes after "@". */
export interface OsPurlParts {
  name: string;
  version: string;
  arch?: string;
  /** rpm only: the purl spec carries the epoch as a qualifier, not in the version. */
  epoch?: string;
}

interface DistroNaming {
  namespace: string;
  distroPrefix: string;
}

/** OSV ecosystem base -> purl namespace and `distro` qualifier prefix (as syft and trivy write them). */
const distroNamingByEcosystem: Record<string, DistroNaming> = {
  Debian: { namespace: 'debian', distroPrefix: 'debian' },
  Ubuntu: { namespace: 'ubuntu', distroPrefix: 'ubuntu' },
  Alpine: { namespace: 'alpine', distroPrefix: 'alpine' },
  'Red Hat': { namespace: 'redhat', distroPrefix: 'rhel' },
  'Rocky Linux': { namespace: 'rocky', distroPrefix: 'rocky' },
  AlmaLinux: { namespace: 'almalinux', distroPrefix: 'almalinux' },
};

/**
 * Builds the purl of an OS package from the host's ecosystem.
 *
 * @example
 * osPackagePurl('deb', 'Debian:12', { name: 'libc6', version: '2.36-9+deb12u4', arch: 'amd64' });
 * // 'pkg:deb/debian/libc6@2.36-9+deb12u4?arch=amd64&distro=debian-12'
 */
export function osPackagePurl(type: OsPurlType, ecosystem: string, parts: OsPurlParts): string {
  return builderFor(type, ecosystem).build(parts.name, parts.version, parts.arch, parts.epoch);
}

/** An inventory has one package type and ecosystem: their builder is made once. */
let last: { type: OsPurlType; ecosystem: string; builder: OsPurlBuilder } | undefined;

function builderFor(type: OsPurlType, ecosystem: string): OsPurlBuilder {
  if (last?.type !== type || last.ecosystem !== ecosystem) {
    const { namespace, distro } = distroForEcosystem(ecosystem);
    last = { type, ecosystem, builder: new OsPurlBuilder(type, namespace, distro) };
  }
  return last.builder;
}

/** "Alpine:v3.19" -> { namespace: "alpine", distro: "alpine-3.19" }; unknown bases are lower-cased. */
export function distroForEcosystem(ecosystem: string): { namespace: string; distro?: string } {
  const { base, release } = splitEcosystem(ecosystem);
  const naming = distroNamingByEcosystem[base] ?? fallbackNaming(base);
  if (release === undefined || release === '') return { namespace: naming.namespace };
  return { namespace: naming.namespace, distro: `${naming.distroPrefix}-${release.replace(/^v/, '')}` };
}

function fallbackNaming(base: string): DistroNaming {
  const slug = base.toLowerCase().replace(/[^a-z0-9]+/g, '');
  return { namespace: slug, distroPrefix: slug };
}
