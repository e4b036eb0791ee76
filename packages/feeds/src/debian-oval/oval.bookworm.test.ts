// The real bookworm OVAL file from shared/ (2.85 MB bz2, 51 MB XML). Skipped, with the
// reason printed, when shared/ is not there. Timing is printed, never asserted.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Advisory } from '@patchloop/core';
import { parseDebianOval } from './oval.parser.js';
import { ovalToAdvisories, type OvalMappingResult } from './oval.mapper.js';
import { countOvalDocument, openOvalInput } from './oval.source.js';
import type { OvalDocument } from './oval.types.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const shared = process.env.PATCHLOOP_SHARED ?? resolve(repoRoot, '..', 'shared');
const FILE = resolve(shared, 'feeds/debian/oval/oval-definitions-bookworm.xml.bz2');
const skip = existsSync(FILE) ? false : `real OVAL file not found at ${FILE} (set PATCHLOOP_SHARED)`;
if (skip) console.log(`# skipping bookworm OVAL tests: ${skip}`);

describe('Debian OVAL bookworm, the real file', { skip }, () => {
  let doc: OvalDocument;
  let mapped: OvalMappingResult;
  before(async () => {
    const t0 = performance.now();
    doc = await parseDebianOval(await openOvalInput(FILE), { file: 'oval-definitions-bookworm.xml.bz2' });
    const t1 = performance.now();
    mapped = ovalToAdvisories(doc, { fetchedAt: '2023-07-14T08:00:00.000Z' });
    const t2 = performance.now();
    const ms = (n: number): string => `${(n / 1000).toFixed(2)} s`;
    console.log(`# bookworm OVAL: parse ${ms(t1 - t0)} (bunzip2 + sax), map ${ms(t2 - t1)}, total ${ms(t2 - t0)}, peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
  });

  it('counts match the file: 25,932 definitions (25,906 vulnerability, 26 patch), 25,932 tests, 2,767 objects, 17,688 states', () => {
    assert.deepEqual(countOvalDocument(doc), { definitions: 25932, vulnerability: 25906, patch: 26, tests: 25932, objects: 2767, states: 17688 });
    assert.equal(doc.generator.timestamp, '2023-07-14T03:39:10.188-04:00');
  });

  it('24,110 distinct CVE refs', () => {
    const cves = new Set(doc.definitions.flatMap((d) => d.references.filter((r) => r.source === 'CVE').map((r) => r.refId)));
    assert.equal(cves.size, 24110);
  });

  it('every definition maps; 24,399 fixed (24,373 CVE + 26 DSA), 1,533 unfixed, none not-affected', () => {
    assert.equal(mapped.advisories.length, 25932);
    assert.deepEqual(mapped.rejected, []);
    const byStatus: Record<string, number> = {};
    for (const p of mapped.advisories.flatMap((a) => a.affected)) byStatus[p.status ?? 'none'] = (byStatus[p.status ?? 'none'] ?? 0) + 1;
    assert.deepEqual(byStatus, { fixed: 24399, unfixed: 1533 });
  });

  it('one advisory per definition: CVE ids repeat across packages (24,110 distinct over 25,906)', () => {
    const vulnIds = new Set(mapped.advisories.filter((a) => a.id.startsWith('CVE-')).map((a) => a.id));
    assert.equal(vulnIds.size, 24110);
    assert.equal(new Set(mapped.advisories.map((a) => a.provenance.recordId)).size, 25932);
  });

  // Checked by hand against the XML: criterion comment → dpkginfo_test → object <name> and state <evr>.
  const spot: { name: string; id: string; pkg: string; events: Advisory['affected'][number]['ranges'][number]['events']; status: string }[] = [
    { name: 'glibc CVE-1999-0199: earlier than 2.2-1 (evr 0:2.2-1)', id: 'CVE-1999-0199', pkg: 'glibc', events: [{ introduced: '0' }, { fixed: '2.2-1' }], status: 'fixed' },
    { name: 'openssl CVE-2023-0286: evr 0:3.0.8-1', id: 'CVE-2023-0286', pkg: 'openssl', events: [{ introduced: '0' }, { fixed: '3.0.8-1' }], status: 'fixed' },
    { name: 'sudo CVE-2021-3156: evr 0:1.9.5p1-1.1', id: 'CVE-2021-3156', pkg: 'sudo', events: [{ introduced: '0' }, { fixed: '1.9.5p1-1.1' }], status: 'fixed' },
    { name: 'tar CVE-2005-2541: earlier than 0 (evr 0:0) = unfixed', id: 'CVE-2005-2541', pkg: 'tar', events: [{ introduced: '0' }], status: 'unfixed' },
    { name: 'libx11 DSA-5433-1 (patch): evr 2:1.8.4-2+deb12u1', id: 'DSA-5433-1', pkg: 'libx11', events: [{ introduced: '0' }, { fixed: '2:1.8.4-2+deb12u1' }], status: 'fixed' },
  ];
  for (const c of spot) {
    it(`spot check: ${c.name}`, () => {
      const found = mapped.advisories.filter((a) => a.id === c.id && a.affected[0]?.name === c.pkg);
      assert.equal(found.length, 1);
      const affected = found[0]!.affected;
      assert.equal(affected.length, 1);
      assert.equal(affected[0]!.ecosystem, 'Debian:12');
      assert.deepEqual(affected[0]!.ranges, [{ type: 'ECOSYSTEM', events: c.events }]);
      assert.equal(affected[0]!.status, c.status);
    });
  }
});
