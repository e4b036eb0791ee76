import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Readable } from 'node:stream';
import { isDomainError } from '@patchloop/core';
import { parseDebianOval } from './oval.parser.js';
import type { OvalCriteria, OvalDocument } from './oval.types.js';

const testdata = (name: string): string => fileURLToPath(new URL(`./testdata/${name}`, import.meta.url));
const EXCERPT = readFileSync(testdata('oval-bookworm-excerpt.xml'));
const VULNERABLECODE = readFileSync(testdata('oval-definitions.vulnerablecode-fixture.xml'));
const SYNTHETIC = readFileSync(testdata('oval-synthetic-layouts.xml'));

/** Split bytes into small chunks so multi-byte characters, tags and entities straddle chunk ends. */
function chunked(bytes: Buffer, size: number): Readable {
  const parts: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) parts.push(bytes.subarray(i, i + size));
  return Readable.from(parts);
}

const parseText = (text: string, file = 'case.xml'): Promise<OvalDocument> => parseDebianOval(Readable.from([text]), { file });

describe('parseDebianOval: fixtures', () => {
  const cases = [
    { name: 'bookworm excerpt, one buffer', input: () => Readable.from([EXCERPT]), definitions: 11, vulnerability: 8, patch: 3, dpkgTests: 11, timestamp: '2023-07-14T03:39:10.188-04:00' },
    { name: 'bookworm excerpt, 7-byte chunks', input: () => chunked(EXCERPT, 7), definitions: 11, vulnerability: 8, patch: 3, dpkgTests: 11, timestamp: '2023-07-14T03:39:10.188-04:00' },
    { name: 'vulnerablecode sample (Debian 7, 2020)', input: () => Readable.from([VULNERABLECODE]), definitions: 2, vulnerability: 2, patch: 0, dpkgTests: 2, timestamp: '2020-06-08T23:31:02.188-04:00' },
    { name: 'synthetic layouts, 3-byte chunks', input: () => chunked(SYNTHETIC, 3), definitions: 4, vulnerability: 3, patch: 0, dpkgTests: 5, timestamp: '2023-07-14T03:39:10.188-04:00' },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const doc = await parseDebianOval(c.input(), { file: c.name });
      assert.equal(doc.definitions.length, c.definitions);
      assert.equal(doc.definitions.filter((d) => d.class === 'vulnerability').length, c.vulnerability);
      assert.equal(doc.definitions.filter((d) => d.class === 'patch').length, c.patch);
      assert.equal(doc.counts.tests.dpkginfo_test, c.dpkgTests);
      assert.equal(doc.generator.timestamp, c.timestamp);
    });
  }
});

describe('parseDebianOval: what a definition carries (bookworm excerpt)', () => {
  const byTitle = async (title: string) => {
    const doc = await parseDebianOval(Readable.from([EXCERPT]));
    const def = doc.definitions.find((d) => d.title === title);
    assert.ok(def, title);
    return { doc, def };
  };

  it('glibc CVE-1999-0199: metadata, criteria tree, test → object name and state evr', async () => {
    const { doc, def } = await byTitle('CVE-1999-0199 glibc');
    assert.equal(def.id, 'oval:org.debian:def:302398480618719661759273474285073383836');
    assert.deepEqual(def.platforms, ['Debian GNU/Linux 12']);
    assert.deepEqual(def.products, ['glibc']);
    assert.deepEqual(def.references, [{ source: 'CVE', refId: 'CVE-1999-0199', refUrl: 'https://cve.mitre.org/cgi-bin/cvename.cgi?name=CVE-1999-0199' }]);
    assert.match(def.description ?? '', /^manual\/search\.texi in the GNU C Library/);
    assert.equal(def.criteria?.comment, 'Release section');
    const arch = def.criteria?.children[1] as OvalCriteria;
    const indep = arch.children[0] as OvalCriteria;
    assert.equal(indep.comment, 'Architecture independent section');
    const leaf = indep.children[1];
    assert.ok(leaf?.type === 'criterion');
    assert.equal(leaf.comment, 'glibc DPKG is earlier than 2.2-1');
    const test = doc.tests.get(leaf.testRef)!;
    assert.equal(test.kind, 'dpkginfo_test');
    assert.deepEqual(doc.objects.get(test.objectRef!)?.entities, [{ name: 'name', value: 'glibc', operation: undefined, datatype: undefined, varRef: undefined }]);
    assert.deepEqual(doc.states.get(test.stateRefs[0]!)?.entities, [
      { name: 'evr', value: '0:2.2-1', operation: 'less than', datatype: 'debian_evr_string', varRef: undefined },
    ]);
  });

  it('DSA-5418-1 chromium (patch class): 13 CVE refs and the <debian> dsa/date', async () => {
    const { def } = await byTitle('DSA-5418-1 chromium');
    assert.equal(def.class, 'patch');
    assert.equal(def.references.length, 13);
    assert.equal(def.debian?.dsa, 'DSA-5418');
    assert.equal(def.debian?.date, '2023-06-03');
    assert.match(def.debian?.moreinfo ?? '', /^Multiple security issues were discovered in Chromium/);
  });

  it('records the line of each definition and criterion', async () => {
    const { def } = await byTitle('CVE-1999-0199 glibc');
    assert.equal(def.line, 9);
    assert.equal(def.criteria?.children[0]?.line, 23);
  });
});

describe('parseDebianOval: XML details', () => {
  it('character references and the five built-in entities are decoded; CDATA is text', async () => {
    const doc = await parseDebianOval(chunked(SYNTHETIC, 5));
    assert.equal(doc.definitions[0]?.description, 'Café & <friends>');
    assert.equal(doc.states.get('oval:test:ste:13')?.entities[0]?.value, '0:3.0-1');
  });

  it('prefixed element names (linux-def:dpkginfo_test) are matched by local name; var_ref is kept', async () => {
    const doc = await parseDebianOval(Readable.from([SYNTHETIC]));
    assert.equal(doc.objects.get('oval:test:obj:13')?.entities[0]?.varRef, 'oval:test:var:1');
    assert.deepEqual(doc.variables.get('oval:test:var:1')?.values, ['qux', 'quux']);
  });
});

const HEAD = '<?xml version="1.0"?>\n';
const GOOD_TAIL = '<generator/><definitions/></oval_definitions>';
const OVAL_OPEN = '<oval_definitions xmlns="http://oval.mitre.org/XMLSchema/oval-definitions-5">';
const BILLION_LAUGHS = [
  '<!DOCTYPE lolz [',
  ' <!ENTITY lol "lol">',
  ' <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">',
  ' <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">',
  ' <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">',
  ']>',
].join('\n');

function danglingTestRef(): string {
  const text = EXCERPT.toString('utf8');
  return text.replace('test_ref="oval:org.debian.oval:tst:3"', 'test_ref="oval:org.debian.oval:tst:999999"');
}

describe('parseDebianOval: bad input is refused with a code, file and line', () => {
  const cases: { name: string; input: () => string | Buffer; code: string; line?: number; message?: RegExp }[] = [
    { name: 'truncated file (cut mid-definition)', input: () => EXCERPT.subarray(0, 5000), code: 'E_OVAL_INVALID', message: /Unclosed root tag|Unexpected end/ },
    { name: 'DOCTYPE with billion-laughs entities', input: () => `${HEAD}${BILLION_LAUGHS}\n${OVAL_OPEN}<x>&lol9;</x>${GOOD_TAIL}`, code: 'E_XML_DTD_FORBIDDEN', line: 7 },
    { name: 'DOCTYPE with an external entity (XXE)', input: () => `${HEAD}<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n${OVAL_OPEN}${GOOD_TAIL}`, code: 'E_XML_DTD_FORBIDDEN', line: 2 },
    { name: 'undeclared entity reference without a DOCTYPE', input: () => `${HEAD}${OVAL_OPEN}\n<generator>&xxe;</generator><definitions/></oval_definitions>`, code: 'E_XML_DTD_FORBIDDEN', line: 3 },
    { name: 'HTML entity (&nbsp;) is not an XML built-in', input: () => `${HEAD}${OVAL_OPEN}<generator>a&nbsp;b</generator><definitions/></oval_definitions>`, code: 'E_XML_DTD_FORBIDDEN', line: 2 },
    { name: 'unresolvable test_ref names the criterion line', input: danglingTestRef, code: 'E_OVAL_INVALID', line: 27, message: /tst:999999 does not resolve/ },
    { name: 'garbage that is not XML', input: () => 'this is not XML at all\n', code: 'E_OVAL_INVALID', line: 1 },
    { name: 'empty input', input: () => '', code: 'E_OVAL_INVALID' },
    { name: 'XML whose root is not oval_definitions', input: () => `${HEAD}<html><body/></html>`, code: 'E_OVAL_INVALID', line: 2 },
    { name: 'mismatched closing tag', input: () => `${HEAD}${OVAL_OPEN}\n<generator></definitions></oval_definitions>`, code: 'E_OVAL_INVALID', line: 3 },
    { name: 'bytes that are not UTF-8', input: () => Buffer.concat([Buffer.from(`${HEAD}${OVAL_OPEN}<generator>`), Buffer.from([0xff, 0xfe]), Buffer.from(`</generator>${GOOD_TAIL}`)]), code: 'E_OVAL_INVALID', message: /not valid UTF-8/ },
    { name: 'definition with an unknown class', input: () => `${HEAD}${OVAL_OPEN}<definitions><definition id="d" class="bogus"/></definitions></oval_definitions>`, code: 'E_OVAL_INVALID', message: /unknown class/ },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const input = c.input();
      await assert.rejects(parseDebianOval(Readable.from([input]), { file: 'bad.xml' }), (e: unknown) => {
        assert.ok(isDomainError(e), `expected a DomainError, got ${String(e)}`);
        assert.equal(e.code, c.code);
        assert.equal(e.kind, 'invalid_input');
        assert.equal(e.location?.file, 'bad.xml');
        if (c.line !== undefined) assert.equal(e.location?.line, c.line);
        if (c.message) assert.match(e.message, c.message);
        return true;
      });
    });
  }

  it('the DOCTYPE is refused before the root element is read (nothing after it is parsed)', async () => {
    // A document whose body would fail differently (dangling ref) if parsing went on.
    const text = `${HEAD}${BILLION_LAUGHS}\n${danglingTestRef().replace(/^<\?xml[^>]*>\n/, '')}`;
    await assert.rejects(parseText(text), (e: unknown) => isDomainError(e) && e.code === 'E_XML_DTD_FORBIDDEN');
  });
});
