import type { Advisory, AffectedPackage, VersionRange } from '@patchloop/core';
import type { FeedRejection } from '../feed-format.js';
import { contentHash } from '../shared/content-hash.js';
import { splitSecdbItem } from './secdb.item.js';
import type { SecdbFile } from './secdb.types.js';

/** The feed name used in Advisory.source and provenance. */
export const ALPINE_SECDB_SOURCE = 'alpine-secdb';

/** The secfixes key meaning "these ids never affected this package in this release". */
const NEVER_AFFECTED = '0';

interface PackageFixes {
  fixed: string[];
  neverAffected: boolean;
  notes: string[];
}

interface AdvisoryGroup {
  id: string;
  release: string;
  aliases: Set<string>;
  packages: Map<string, PackageFixes>;
}

/**
 * Gathers secdb files into one Advisory per (vulnerability id, release), each listing the
 * packages of that release it names. Items with a malformed id are rejected as values;
 * `records` counts fixed-version entries (secfixes keys, "0" included).
 *
 * @example
 * const mapper = new SecdbMapper();
 * mapper.addFile(file, 'v3.20/main.json');
 * const { advisories, rejected, records } = mapper.finish({ fetchedAt });
 */
export class SecdbMapper {
  private readonly groups = new Map<string, AdvisoryGroup>();
  private readonly rejected: FeedRejection[] = [];
  private records = 0;

  /** Adds every package of one (shape-checked) secdb file. */
  addFile(file: SecdbFile, location: string): void {
    file.packages.forEach((entry, index) => {
      const where = `${location}#/packages/${index}`;
      const name = entry?.pkg?.name;
      if (typeof name !== 'string' || name === '') return void this.rejected.push({ location: where, reason: 'package entry without pkg.name' });
      for (const [version, items] of Object.entries(entry.pkg.secfixes ?? {})) this.addFixEntry(file.distroversion, name, version, items, `${where}/pkg/secfixes/${version}`);
    });
  }

  /** The advisories, in the order their (id, release) was first seen. */
  finish({ fetchedAt }: { fetchedAt: string }): { advisories: Advisory[]; rejected: FeedRejection[]; records: number } {
    const advisories = [...this.groups.values()].map((g) => groupToAdvisory(g, fetchedAt));
    return { advisories, rejected: this.rejected, records: this.records };
  }

  private addFixEntry(release: string, name: string, version: string, items: unknown, where: string): void {
    this.records += 1;
    if (!Array.isArray(items)) return void this.rejected.push({ location: where, reason: `secfixes "${version}" is not a list of ids` });
    for (const item of items) {
      if (typeof item !== 'string') {
        this.rejected.push({ location: where, reason: `secfixes "${version}" holds a non-string item ${JSON.stringify(item)}` });
        continue;
      }
      this.addItem(release, name, version, item, where);
    }
  }

  private addItem(release: string, name: string, version: string, item: string, where: string): void {
    const split = splitSecdbItem(item);
    if ('malformed' in split) {
      this.rejected.push({ recordId: item, location: where, reason: `malformed vulnerability id "${split.malformed}" in item "${item}" (package ${name}, ${release})` });
      return;
    }
    for (const id of split.ids) {
      const group = this.groupOf(id, release);
      split.aliases.filter((a) => a !== id).forEach((a) => group.aliases.add(a));
      const fixes = packageFixesOf(group, name);
      if (version === NEVER_AFFECTED) fixes.neverAffected = true;
      else if (!fixes.fixed.includes(version)) fixes.fixed.push(version);
      if (split.note !== undefined && !fixes.notes.includes(split.note)) fixes.notes.push(split.note);
    }
  }

  private groupOf(id: string, release: string): AdvisoryGroup {
    const key = `${release}\u0000${id}`;
    let group = this.groups.get(key);
    if (!group) this.groups.set(key, (group = { id, release, aliases: new Set(), packages: new Map() }));
    return group;
  }
}

function packageFixesOf(group: AdvisoryGroup, name: string): PackageFixes {
  let fixes = group.packages.get(name);
  if (!fixes) group.packages.set(name, (fixes = { fixed: [], neverAffected: false, notes: [] }));
  return fixes;
}

function groupToAdvisory(group: AdvisoryGroup, fetchedAt: string): Advisory {
  const recordId = `${group.release}/${group.id}`;
  const record: Omit<Advisory, 'provenance'> = {
    id: group.id,
    aliases: [...group.aliases],
    source: ALPINE_SECDB_SOURCE,
    affected: [...group.packages].map(([name, fixes]) => packageToAffected(`Alpine:${group.release}`, name, fixes)),
    severities: [],
    references: [],
  };
  return { ...record, provenance: { feed: ALPINE_SECDB_SOURCE, recordId, fetchedAt, contentHash: contentHash(record) } };
}

/**
 * A package with fixed versions is 'fixed' with one range per version (several versions for one
 * id: the ranges' union, i.e. affected below the highest); a package listed only under "0" is
 * 'not-affected' with no ranges.
 */
function packageToAffected(ecosystem: string, name: string, fixes: PackageFixes): AffectedPackage {
  const ranges: VersionRange[] = fixes.fixed.map((v) => ({ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: v }] }));
  const affected: AffectedPackage = { ecosystem, name, packageKind: 'source', ranges, versions: [], status: ranges.length > 0 ? 'fixed' : 'not-affected' };
  if (fixes.notes.length > 0) affected.statusNote = fixes.notes.join('; ');
  return affected;
}
