import { PackageURL } from 'packageurl-js';
import { languageEcosystemOfPurlType, type InstalledPackage } from '@patchloop/core';
import { distroEcosystem } from './distro-ecosystem.js';
import { normalizePypiName } from './pypi-name.js';

/** A purl mapped to a package, or the reason it cannot be inventoried (a warning, not an error). */
export type PurlMapping =
  | { ok: true; pkg: InstalledPackage; warning?: string }
  | { ok: false; reason: string };


/** How the OSV package name is built from the purl's namespace and name, per type. */
const NAME_JOINERS: Record<string, string> = { maven: ':', golang: '/', composer: '/', npm: '/' };

/**
 * Parses a purl string. Throws what packageurl-js throws (an Error) when it does not parse;
 * callers turn that into an E_PURL_INVALID naming the field.
 */
export function parsePurl(purl: string): PackageURL {
  return PackageURL.fromString(purl);
}

/**
 * Maps a parsed purl to an InstalledPackage with an OSV ecosystem.
 * `fallbackVersion` is used when the purl carries no version (e.g. a CycloneDX component's version).
 *
 * @example
 * purlToPackage(parsePurl('pkg:maven/org.apache.commons/commons-lang3@3.4'), 'pkg:maven/...')
 * // { ok: true, pkg: { ecosystem: 'Maven', name: 'org.apache.commons:commons-lang3', version: '3.4', purl } }
 */
export function purlToPackage(parsed: PackageURL, purl: string, fallbackVersion?: string): PurlMapping {
  const version = parsed.version ?? fallbackVersion;
  if (version === undefined || version === '') return { ok: false, reason: `purl ${purl} has no version` };
  const language = languageEcosystemOfPurlType(parsed.type);
  if (language !== undefined) {
    return { ok: true, pkg: { ecosystem: language, name: languagePackageName(parsed), version, purl } };
  }
  const distro = distroEcosystem(parsed);
  if (distro === undefined) return { ok: false, reason: `purl type "${parsed.type}" has no known ecosystem (${purl})` };
  const pkg: InstalledPackage = { ecosystem: distro.ecosystem, name: parsed.name, version: distroVersion(parsed, version), purl };
  const arch = parsed.qualifiers?.['arch'];
  if (arch !== undefined) pkg.arch = arch;
  return distro.warning === undefined ? { ok: true, pkg } : { ok: true, pkg, warning: `${distro.warning} (${purl})` };
}

function languagePackageName(parsed: PackageURL): string {
  if (parsed.type === 'pypi') return normalizePypiName(parsed.name);
  const joiner = NAME_JOINERS[parsed.type];
  if (joiner === undefined || !parsed.namespace) return parsed.name;
  return `${parsed.namespace}${joiner}${parsed.name}`;
}

/** rpm carries the epoch as a qualifier; the EVR we compare needs it in front. */
function distroVersion(parsed: PackageURL, version: string): string {
  const epoch = parsed.type === 'rpm' ? parsed.qualifiers?.['epoch'] : undefined;
  return epoch !== undefined && epoch !== '0' && !version.includes(':') ? `${epoch}:${version}` : version;
}
