import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { isDomainError } from '@patchloop/core';
import { csafFormat } from './csaf.format.js';
import { FETCHED_AT, sharedFeedFile, testdata } from './csaf.test-helpers.js';

describe('csafFormat.detect', () => {
  const cases = [
    { name: 'a Red Hat advisory head', head: '{\n  "document": {\n    "aggregate_severity": {},\n    "category": "csaf_security_advisory",\n    "csaf_version": "2.0",', want: true },
    { name: 'compact JSON', head: '{"document":{"category":"csaf_vex","csaf_version":"2.0"', want: true },
    { name: 'an OSV record', head: '{"schema_version": "1.7.0", "id": "RHSA-2024:4546"', want: false },
    { name: 'CVRF / CSAF 1.2 XML', head: '<?xml version="1.0"?><cvrfdoc>', want: false },
    { name: 'OVAL XML', head: '<?xml version="1.0"?><oval_definitions>', want: false },
  ];
  for (const c of cases) it(c.name, () => assert.equal(csafFormat.detect(c.head, 'x.json'), c.want));
});

describe('csafFormat.parsePath on real files', () => {
  const rh = sharedFeedFile('csaf/redhat-rhsa');
  const cases = [
    { name: 'rhsa-2024_4546.json (27 KB)', path: () => testdata('rhsa-2024_4546.json'), records: 1, advisories: 1, affected: 12, rejected: 0, skip: false as const },
    { name: 'rhsa-2024_6220.json (550 KB, modular)', path: () => join(rh.path, 'rhsa-2024_6220.json'), records: 1, advisories: 1, affected: 231, rejected: 0, skip: rh.skip },
    { name: 'rhsa-2024_4420.json (1.6 MB)', path: () => join(rh.path, 'rhsa-2024_4420.json'), records: 1, advisories: 1, affected: 335, rejected: 0, skip: rh.skip },
    { name: 'rhsa-2020_1358.json (1.2 MB csaf_vex)', path: () => join(rh.path, 'rhsa-2020_1358.json'), records: 1, advisories: 2, affected: 540, rejected: 0, skip: rh.skip },
    { name: 'the redhat-rhsa directory (6 documents, RHSA-2003:315 invalid)', path: () => rh.path, records: 6, advisories: 6, affected: 1206, rejected: 1, skip: rh.skip },
  ];
  for (const c of cases) {
    it(c.name, { skip: c.skip }, async () => {
      const t0 = performance.now();
      const r = await csafFormat.parsePath(c.path(), { fetchedAt: FETCHED_AT });
      console.log(`# ${c.name}: ${Math.round(performance.now() - t0)} ms (the first call in a process also loads the validator, ~2-4 s)`);
      assert.equal(r.source, 'csaf');
      assert.equal(r.records, c.records);
      assert.equal(r.advisories.length, c.advisories);
      assert.equal(r.advisories.reduce((n, a) => n + a.affected.length, 0), c.affected);
      assert.equal(r.rejected.length, c.rejected);
      assert.ok(r.advisories.every((a) => a.provenance.fetchedAt === FETCHED_AT && a.affected.every((x) => x.ecosystem.startsWith('Red Hat:'))));
    });
  }
});

describe('csafFormat.parsePath: bad input', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'patchloop-csaf-'));
    const good = await readFile(testdata('rhsa-2024_4546.json'));
    await writeFile(join(dir, 'garbage.json'), 'this is not JSON\n');
    await writeFile(join(dir, 'truncated.json'), good.subarray(0, good.length / 2));
    await writeFile(join(dir, 'latin1.json'), Buffer.concat([Buffer.from('{"a":"'), Buffer.from([0xe9]), Buffer.from('"}')]));
    await writeFile(join(dir, 'truncated.json.gz'), gzipSync(good).subarray(0, 2000));
    await writeFile(join(dir, 'osv.json'), JSON.stringify({ id: 'RHSA-2024:4546', affected: [] }));
    await mkdir(join(dir, 'tree/2024'), { recursive: true });
    await copyFile(testdata('rhsa-2024_4546.json'), join(dir, 'tree/2024/rhsa-2024_4546.json'));
    await copyFile(testdata('rhsa-2003_315.json'), join(dir, 'tree/rhsa-2003_315.json'));
    await writeFile(join(dir, 'tree/index.txt'), 'rhsa-2024_4546.json\n');
  });
  after(() => rm(dir, { recursive: true, force: true }));

  const throws = [
    { name: 'garbage', file: 'garbage.json', code: 'E_CSAF_JSON_INVALID' },
    { name: 'truncated JSON', file: 'truncated.json', code: 'E_CSAF_JSON_INVALID' },
    { name: 'not UTF-8', file: 'latin1.json', code: 'E_CSAF_JSON_INVALID' },
    { name: 'truncated gzip', file: 'truncated.json.gz', code: 'E_GZIP_INVALID' },
  ];
  for (const c of throws) {
    it(`${c.name} → ${c.code} naming the file`, async () => {
      await assert.rejects(csafFormat.parsePath(join(dir, c.file), { fetchedAt: FETCHED_AT }), (e: unknown) => {
        assert.ok(isDomainError(e), String(e));
        assert.equal(e.code, c.code);
        assert.equal(e.location?.file, c.file);
        return true;
      });
    });
  }

  it('JSON that is not CSAF → rejected value naming the schema test and pointer', async () => {
    const r = await csafFormat.parsePath(join(dir, 'osv.json'), { fetchedAt: FETCHED_AT });
    assert.equal(r.records, 1);
    assert.equal(r.advisories.length, 0);
    assert.match(r.rejected[0]?.reason ?? '', /^E_CSAF_INVALID: csaf_2_0 \/: must have required property 'document'/);
  });

  it('a directory: only *.json files, recursively; the invalid document rejected, the rest imported', async () => {
    const r = await csafFormat.parsePath(join(dir, 'tree'), { fetchedAt: FETCHED_AT });
    assert.equal(r.records, 2);
    assert.deepEqual(r.advisories.map((a) => a.id), ['CVE-2023-45288']);
    assert.deepEqual(r.rejected.map((x) => [x.recordId, x.location]), [['RHSA-2003:315', 'rhsa-2003_315.json#/document/tracking/revision_history']]);
    assert.match(r.rejected[0]?.reason ?? '', /mandatoryTest_6_1_14/);
  });

  it('strict: one invalid document refuses the directory with E_FEED_STRICT', async () => {
    await assert.rejects(csafFormat.parsePath(join(dir, 'tree'), { fetchedAt: FETCHED_AT, strict: true }), (e: unknown) => isDomainError(e) && e.code === 'E_FEED_STRICT' && /RHSA-2003:315/.test(e.message));
  });

  it('strict: a valid document passes', async () => {
    const r = await csafFormat.parsePath(testdata('rhsa-2024_4546.json'), { fetchedAt: FETCHED_AT, strict: true });
    assert.equal(r.advisories.length, 1);
  });
});
