import type { OvalDefinition, OvalDocument } from '../debian-oval/oval.types.js';

const UBUNTU_RELEASE = /Ubuntu (\d{2}\.\d{2})( LTS)?/;

/**
 * OSV's Ubuntu ecosystem for a release text: "Ubuntu 24.04 LTS (noble) is installed." →
 * "Ubuntu:24.04:LTS" (the ":LTS" suffix is mandatory for LTS releases, ecosystems.json).
 *
 * @example
 * ubuntuEcosystemFromText('Check that Ubuntu 22.10 (kinetic) is installed.'); // 'Ubuntu:22.10'
 */
export function ubuntuEcosystemFromText(text: string): string | undefined {
  const m = UBUNTU_RELEASE.exec(text);
  return m ? `Ubuntu:${m[1]}${m[2] ? ':LTS' : ''}` : undefined;
}

/**
 * The release a USN definition applies to: the definition its criteria extend (Canonical's
 * "Check that Ubuntu 24.04 LTS (noble) is installed." inventory definition), else the comment.
 */
export function ubuntuEcosystemOfDefinition(doc: OvalDocument, def: OvalDefinition): string | undefined {
  for (const child of def.criteria?.children ?? []) {
    if (child.type !== 'extend_definition') continue;
    const target = doc.definitions.find((d) => d.id === child.definitionRef);
    const found = ubuntuEcosystemFromText(target?.title ?? '') ?? ubuntuEcosystemFromText(child.comment ?? '');
    if (found) return found;
  }
  return undefined;
}
