import type { PackageURL } from 'packageurl-js';

/** An OSV distro ecosystem, with a warning when the release could not be read from the purl. */
export interface DistroEcosystem {
  ecosystem: string;
  warning?: string;
}

const DEBIAN_CODENAMES: Record<string, string> = {
  jessie: '8', stretch: '9', buster: '10', bullseye: '11', bookworm: '12', trixie: '13', forky: '14',
};
const UBUNTU_CODENAMES: Record<string, string> = {
  xenial: '16.04', bionic: '18.04', focal: '20.04', jammy: '22.04', noble: '24.04',
};
/** rpm purl namespace -> OSV ecosystem base (the release naming of rpm distros is not derived). */
const RPM_NAMESPACES: Record<string, string> = {
  redhat: 'Red Hat', rhel: 'Red Hat', rocky: 'Rocky Linux', 'rocky-linux': 'Rocky Linux', almalinux: 'AlmaLinux',
  opensuse: 'openSUSE', suse: 'SUSE', sles: 'SUSE', oracle: 'Oracle Linux', ol: 'Oracle Linux',
  mageia: 'Mageia', openeuler: 'openEuler',
};

/**
 * OSV ecosystem of an OS package purl: deb -> "Debian:12" / "Ubuntu:22.04" from the distro
 * qualifier (debian-12, bookworm, ubuntu-22.04, jammy), apk -> "Alpine:v3.19", rpm -> by namespace.
 * Undefined for types that are not OS packages or for unknown rpm vendors.
 */
export function distroEcosystem(purl: PackageURL): DistroEcosystem | undefined {
  const distro = purl.qualifiers?.['distro']?.toLowerCase();
  if (purl.type === 'deb') return debEcosystem(purl.namespace?.toLowerCase(), distro);
  if (purl.type === 'apk') return apkEcosystem(distro);
  if (purl.type === 'rpm') {
    const base = RPM_NAMESPACES[purl.namespace?.toLowerCase() ?? ''];
    return base === undefined ? undefined : { ecosystem: base };
  }
  return undefined;
}

function debEcosystem(namespace: string | undefined, distro: string | undefined): DistroEcosystem {
  const ubuntu = namespace === 'ubuntu' || distro?.startsWith('ubuntu') === true;
  const base = ubuntu ? 'Ubuntu' : 'Debian';
  const codenames = ubuntu ? UBUNTU_CODENAMES : DEBIAN_CODENAMES;
  const release = distro === undefined ? undefined : (/^(?:debian|ubuntu)-(\d[\d.]*)$/.exec(distro)?.[1] ?? codenames[distro]);
  if (release !== undefined) return { ecosystem: `${base}:${release}` };
  return { ecosystem: base, warning: `no release in distro qualifier "${distro ?? ''}": ecosystem ${base} without release` };
}

function apkEcosystem(distro: string | undefined): DistroEcosystem {
  const m = distro === undefined ? null : /^(?:alpine-)?v?(\d+)\.(\d+)/.exec(distro);
  if (m) return { ecosystem: `Alpine:v${m[1]}.${m[2]}` };
  return { ecosystem: 'Alpine', warning: `no release in distro qualifier "${distro ?? ''}": ecosystem Alpine without release` };
}
