import { DomainError } from '../errors/domain-error.js';
import type { SchemeName, VersionScheme } from './version-scheme.js';
import { SCHEME_NAMES } from './version-scheme.js';
import { schemeForEcosystem } from './ecosystem.js';
import { dpkgScheme } from './dpkg/dpkg.scheme.js';
import { rpmScheme } from './rpm/rpm.scheme.js';
import { apkScheme } from './apk/apk.scheme.js';
import { semverScheme } from './semver/semver.scheme.js';
import { pep440Scheme } from './pep440/pep440.scheme.js';
import { mavenScheme } from './maven/maven.scheme.js';
import { goScheme } from './go/go.scheme.js';

/** Every version scheme by name: add a scheme by adding its folder and one line here. */
export const versionSchemes: Readonly<Record<SchemeName, VersionScheme>> = {
  dpkg: dpkgScheme,
  rpm: rpmScheme,
  apk: apkScheme,
  semver: semverScheme,
  pep440: pep440Scheme,
  maven: mavenScheme,
  go: goScheme,
};

/** The scheme called `name`, or E_SCHEME_UNKNOWN listing the known ones. */
export function getScheme(name: string): VersionScheme {
  if (!(SCHEME_NAMES as readonly string[]).includes(name)) {
    throw new DomainError('E_SCHEME_UNKNOWN', 'invalid_input', `unknown version scheme "${name}"; known: ${SCHEME_NAMES.join(', ')}`, { location: { field: 'scheme' } });
  }
  return versionSchemes[name as SchemeName];
}

/** The scheme that orders versions of an OSV ecosystem ("Debian:12" -> dpkg), if any. */
export function schemeOfEcosystem(ecosystem: string): VersionScheme | undefined {
  const name = schemeForEcosystem(ecosystem);
  return name ? versionSchemes[name] : undefined;
}
