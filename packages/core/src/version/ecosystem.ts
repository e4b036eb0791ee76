import type { SchemeName } from './version-scheme.js';

/**
 * OSV ecosystem name -> version scheme. Distro ecosystems are keyed by release
 * ("Debian:12", "Alpine:v3.19"): the part before the first ":" picks the scheme.
 * An ecosystem with no known scheme returns undefined; matching then relies on explicit
 * version lists only.
 */
const bySchemePrefix: Record<string, SchemeName> = {
  Debian: 'dpkg',
  Ubuntu: 'dpkg',
  Alpine: 'apk',
  'Red Hat': 'rpm',
  'Rocky Linux': 'rpm',
  AlmaLinux: 'rpm',
  openSUSE: 'rpm',
  SUSE: 'rpm',
  'Oracle Linux': 'rpm',
  Mageia: 'rpm',
  openEuler: 'rpm',
  npm: 'semver',
  'crates.io': 'semver',
  PyPI: 'pep440',
  Maven: 'maven',
  Go: 'go',
};

export function schemeForEcosystem(ecosystem: string): SchemeName | undefined {
  const base = ecosystem.split(':', 1)[0] ?? ecosystem;
  return bySchemePrefix[base];
}

/** "Debian:12" -> { base: "Debian", release: "12" }; "npm" -> { base: "npm" }. */
export function splitEcosystem(ecosystem: string): { base: string; release?: string } {
  const i = ecosystem.indexOf(':');
  return i < 0 ? { base: ecosystem } : { base: ecosystem.slice(0, i), release: ecosystem.slice(i + 1) };
}

/**
 * The ecosystem name hosts and advisories meet under. Feeds follow OSV's naming
 * ("Ubuntu:24.04:LTS", "Red Hat:enterprise_linux:9::appstream"); inventories name the release
 * ("Ubuntu:24.04", "Red Hat:9"). Ubuntu's ":LTS" suffix is dropped; Red Hat's
 * enterprise_linux:<major> repositories become "Red Hat:<major>". Variants that apply only to some
 * subscriptions (rhel_aus, rhel_eus, rhel_e4s, Ubuntu Pro) stay distinct on purpose: matching them
 * to every host of the release would be a false positive.
 * @example canonicalEcosystem('Ubuntu:24.04:LTS') // "Ubuntu:24.04"
 */
export function canonicalEcosystem(ecosystem: string): string {
  // An inventory or a feed names one or two ecosystems thousands of times: the last is remembered.
  if (ecosystem !== lastCanonical.input) lastCanonical = { input: ecosystem, output: computeCanonicalEcosystem(ecosystem) };
  return lastCanonical.output;
}

let lastCanonical = { input: '', output: '' };

function computeCanonicalEcosystem(ecosystem: string): string {
  const ubuntu = /^Ubuntu:(Pro:)?(\d+\.\d+)(?::LTS)?$/.exec(ecosystem);
  if (ubuntu) return `Ubuntu:${ubuntu[1] ?? ''}${ubuntu[2]}`;
  const rhel = /^Red Hat:enterprise_linux:(\d+)(?:[.:].*)?$/.exec(ecosystem);
  if (rhel) return `Red Hat:${rhel[1]}`;
  return ecosystem;
}

/** purl types of language ecosystems -> OSV ecosystem names (OS package types need a distro release). */
const ECOSYSTEM_BY_PURL_TYPE: Readonly<Record<string, string>> = {
  npm: 'npm',
  pypi: 'PyPI',
  maven: 'Maven',
  golang: 'Go',
  cargo: 'crates.io',
  gem: 'RubyGems',
  nuget: 'NuGet',
  composer: 'Packagist',
  hex: 'Hex',
  pub: 'Pub',
};

/**
 * The OSV ecosystem of a language package's purl type, or undefined (deb/rpm/apk purls need the
 * distro release from their qualifiers; unknown types have no ecosystem).
 * @example languageEcosystemOfPurlType('pypi') // "PyPI"
 */
export function languageEcosystemOfPurlType(type: string): string | undefined {
  return Object.hasOwn(ECOSYSTEM_BY_PURL_TYPE, type) ? ECOSYSTEM_BY_PURL_TYPE[type] : undefined;
}
