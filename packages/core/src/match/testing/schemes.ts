// Test-only: the version schemes the matcher tests use. Real schemes only.
import type { SchemeName, VersionScheme } from '../../version/version-scheme.js';
import { dpkgScheme } from '../../version/dpkg/dpkg.scheme.js';
import { apkScheme } from '../../version/apk/apk.scheme.js';
import { pep440Scheme } from '../../version/pep440/pep440.scheme.js';
import { semverScheme } from '../../version/semver/semver.scheme.js';

const schemes: Partial<Record<SchemeName, VersionScheme>> = { dpkg: dpkgScheme, semver: semverScheme, pep440: pep440Scheme, apk: apkScheme };

/** Scheme lookup for tests: dpkg, semver, pep440 and apk; every other (rpm, maven, go) scheme is "not available". */
export const testSchemeFor = (name: SchemeName): VersionScheme | undefined => schemes[name];
