import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { isDomainError } from '@patchloop/core';
import { parseUbuntuOval } from './ubuntu-oval.parser.js';
import { EXCERPT } from './ubuntu-oval.test-helpers.js';

const BYTES = readFileSync(EXCERPT);
const chunked = (bytes: Buffer, size: number): Readable => {
  const parts: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) parts.push(bytes.subarray(i, i + size));
  return Readable.from(parts);
};

describe('parseUbuntuOval: the excerpt', () => {
  it('structure and metadata in one pass; 5-byte chunks give the same document', async () => {
    const whole = await parseUbuntuOval(Readable.from([BYTES]), { file: 'excerpt.xml' });
    const pieces = await parseUbuntuOval(chunked(BYTES, 5), { file: 'excerpt.xml' });
    assert.deepEqual(pieces, whole);
    assert.equal(whole.oval.definitions.length, 7);
    assert.equal(whole.oval.generator.timestamp, '2024-12-24T07:42:06');
    assert.equal(whole.oval.generator.productName, 'Canonical USN OVAL Generator');
  });

  it('USN-6937-1: CVE references, <advisory> severity, issued date and per-CVE priority', async () => {
    const { oval, metadata } = await parseUbuntuOval(Readable.from([BYTES]));
    const def = oval.definitions.find((d) => d.title.startsWith('USN-6937-1'));
    assert.ok(def);
    assert.deepEqual(def.references.map((r) => r.refId), ['USN-6937-1', 'CVE-2024-2511', 'CVE-2024-4603', 'CVE-2024-4741', 'CVE-2024-5535']);
    const meta = metadata.get(def.id);
    assert.equal(meta?.severity, 'Low');
    assert.equal(meta?.issued, '2024-07-31');
    assert.deepEqual(meta?.cves[0], { id: 'CVE-2024-2511', priority: 'low', href: 'https://ubuntu.com/security/CVE-2024-2511' });
  });

  it('the binary names come through a constant_variable: libssl3t64, libssl-dev, libssl-doc, openssl', async () => {
    const { oval } = await parseUbuntuOval(Readable.from([BYTES]));
    const object = oval.objects.get('oval:com.ubuntu.noble:obj:1780746354310');
    const varRef = object?.entities[0]?.varRef;
    assert.ok(varRef);
    assert.deepEqual(oval.variables.get(varRef)?.values, ['libssl3t64', 'libssl-dev', 'libssl-doc', 'openssl']);
  });
});

const HEAD = '<?xml version="1.0"?>\n';
const OPEN = '<oval_definitions xmlns="http://oval.mitre.org/XMLSchema/oval-definitions-5">';
const TAIL = '<generator/><definitions/></oval_definitions>';

describe('parseUbuntuOval: bad input is refused with a code, file and line', () => {
  const cases: { name: string; input: () => string | Buffer; code: string; line?: number; message?: RegExp }[] = [
    {
      name: 'DOCTYPE with billion-laughs entities',
      input: () => `${HEAD}<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n <!ENTITY lol2 "&lol;&lol;&lol;&lol;">\n]>\n${OPEN}<x>&lol2;</x>${TAIL}`,
      code: 'E_XML_DTD_FORBIDDEN',
      line: 5,
    },
    { name: 'DOCTYPE with an external entity (XXE)', input: () => `${HEAD}<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n${OPEN}${TAIL}`, code: 'E_XML_DTD_FORBIDDEN', line: 2 },
    { name: 'undeclared entity without a DOCTYPE', input: () => `${HEAD}${OPEN}\n<generator>&xxe;</generator><definitions/></oval_definitions>`, code: 'E_XML_DTD_FORBIDDEN', line: 3 },
    { name: 'truncated file (cut mid-definition)', input: () => BYTES.subarray(0, 20_000), code: 'E_OVAL_INVALID', message: /Unclosed root tag|Unexpected end/ },
    { name: 'garbage', input: () => 'not XML at all\n', code: 'E_OVAL_INVALID', line: 1 },
    { name: 'empty input', input: () => '', code: 'E_OVAL_INVALID' },
    { name: 'bytes that are not UTF-8', input: () => Buffer.concat([Buffer.from(`${HEAD}${OPEN}<generator>`), Buffer.from([0xff, 0xfe]), Buffer.from(`</generator><definitions/></oval_definitions>`)]), code: 'E_OVAL_INVALID', message: /not valid UTF-8/ },
    {
      name: 'a dangling test_ref names the criterion line',
      input: () => BYTES.toString('utf8').replace('test_ref="oval:com.ubuntu.noble:tst:2193118019989"', 'test_ref="oval:com.ubuntu.noble:tst:1"'),
      code: 'E_OVAL_INVALID',
      message: /tst:1 does not resolve/,
    },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      await assert.rejects(parseUbuntuOval(Readable.from([c.input()]), { file: 'bad.xml' }), (e: unknown) => {
        assert.ok(isDomainError(e), String(e));
        assert.equal(e.code, c.code);
        assert.equal(e.location?.file, 'bad.xml');
        if (c.line !== undefined) assert.equal(e.location?.line, c.line);
        if (c.message) assert.match(e.message, c.message);
        return true;
      });
    });
  }
});
