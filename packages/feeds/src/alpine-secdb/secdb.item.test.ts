import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { splitSecdbItem, type SecdbItem } from './secdb.item.js';

describe('splitSecdbItem', () => {
  const cases: { name: string; item: string; expected: SecdbItem }[] = [
    { name: 'one CVE', item: 'CVE-2021-30473', expected: { ids: ['CVE-2021-30473'], aliases: [] } },
    { name: 'CVE and a vendor id (two tokens)', item: 'CVE-2017-2887 TALOS-2017-0394', expected: { ids: ['CVE-2017-2887'], aliases: ['TALOS-2017-0394'] } },
    { name: 'two CVEs and an XSA: each CVE is an id', item: 'CVE-2020-11740 CVE-2020-11741 XSA-313', expected: { ids: ['CVE-2020-11740', 'CVE-2020-11741'], aliases: ['XSA-313'] } },
    { name: 'no CVE: the XSA is the id', item: 'XSA-207', expected: { ids: ['XSA-207'], aliases: [] } },
    { name: 'GHSA id', item: 'GHSA-2x8x-jmrp-xq8m', expected: { ids: ['GHSA-2x8x-jmrp-xq8m'], aliases: [] } },
    { name: 'lower-case vendor id', item: 'wnpa-sec-2017-18', expected: { ids: ['wnpa-sec-2017-18'], aliases: [] } },
    { name: 'id without a dash (Varnish)', item: 'CVE-2022-23959 VSV00008', expected: { ids: ['CVE-2022-23959'], aliases: ['VSV00008'] } },
    { name: 'words after the id become a note', item: 'CVE-2020-14342 (not actually applicable)', expected: { ids: ['CVE-2020-14342'], aliases: [], note: '(not actually applicable)' } },
    { name: '"CVE N/A" before a vendor id', item: 'CVE N/A ZBX-11023', expected: { ids: ['ZBX-11023'], aliases: [], note: 'CVE N/A' } },
    { name: 'an unassigned CVE placeholder is dropped', item: 'CVE-????-????? XSA-312', expected: { ids: ['XSA-312'], aliases: [] } },
    { name: 'malformed: underscore', item: 'CVE_2019-2426', expected: { malformed: 'CVE_2019-2426' } },
    { name: 'malformed: no year', item: 'CVE-46838', expected: { malformed: 'CVE-46838' } },
    { name: 'malformed: a patch file name', item: 'CVE-2021-35940.patch', expected: { malformed: 'CVE-2021-35940.patch' } },
    { name: 'malformed: suffixed CVE', item: 'CVE-2017-17434-1', expected: { malformed: 'CVE-2017-17434-1' } },
    { name: 'malformed: nothing that looks like an id', item: '(see upstream)', expected: { malformed: '(see upstream)' } },
  ];
  for (const c of cases) it(c.name, () => assert.deepEqual(splitSecdbItem(c.item), c.expected));
});
