import { apkInstalledFormat } from './apk/apk-installed.parser.js';
import { dpkgStatusFormat } from './dpkg/dpkg-status.parser.js';
import type { PackageDbFormat, PackageDbKind } from './package-db.js';
import { rpmQaFormat } from './rpm/rpm-qa.parser.js';

/** Every package-database format, by kind. Add a variant: a sibling folder and one line here. */
export const packageDbFormats: Readonly<Record<PackageDbKind, PackageDbFormat>> = {
  'dpkg-status': dpkgStatusFormat,
  'rpm-qa': rpmQaFormat,
  'apk-installed': apkInstalledFormat,
};
