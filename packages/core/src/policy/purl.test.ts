import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatPurl, parsePurl } from './purl.js';
import { purlCovers, purlsOfPackage } from './purl-match.js';

describe('parsePurl', () => {
  const cases = [
    { name: 'apk with arch', text: 'pkg:apk/wolfi/git@2.39.0-r1?arch=armv7', want: { type: 'apk', namespace: 'wolfi', name: 'git', version: '2.39.0-r1', qualifiers: { arch: 'armv7' } } },
    { name: 'oci digest is percent-decoded', text: 'pkg:oci/alpine@sha256%3A124c7d27', want: { type: 'oci', namespace: undefined, name: 'alpine', version: 'sha256:124c7d27', qualifiers: {} } },
    { name: 'npm scope unencoded, no version', text: 'pkg:npm/@angular/core', want: { type: 'npm', namespace: '@angular', name: 'core', version: undefined, qualifiers: {} } },
    { name: 'npm scope encoded', text: 'pkg:npm/%40angular/core@16.0.0', want: { type: 'npm', namespace: '@angular', name: 'core', version: '16.0.0', qualifiers: {} } },
    { name: 'pypi PEP 503 name', text: 'pkg:PyPI/Django_REST.framework@3.14', want: { type: 'pypi', namespace: undefined, name: 'django-rest-framework', version: '3.14', qualifiers: {} } },
    { name: 'maven with subpath ignored', text: 'pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.10.0?type=jar#sub', want: { type: 'maven', namespace: 'com.fasterxml.jackson.core', name: 'jackson-databind', version: '2.10.0', qualifiers: { type: 'jar' } } },
  ];
  for (const c of cases) it(c.name, () => assert.deepEqual(parsePurl(c.text), c.want));

  for (const bad of ['', 'CVE-2023-1', 'pkg:', 'pkg:npm', 'https://example.com/x', 'acme-product']) {
    it(`not a purl: ${JSON.stringify(bad)}`, () => assert.equal(parsePurl(bad), undefined));
  }

  it('formatPurl round-trips a parsed purl', () => {
    const text = 'pkg:deb/debian/openssl@3.0.13-1~deb12u1?arch=amd64&distro=debian-12';
    assert.deepEqual(parsePurl(formatPurl(parsePurl(text)!)), parsePurl(text));
  });
});

describe('purlCovers (statement purl, package purl)', () => {
  const cases = [
    { name: 'same purl', statement: 'pkg:apk/wolfi/git@2.39.0-r1', pkg: 'pkg:apk/wolfi/git@2.39.0-r1', want: true },
    { name: 'statement without version covers any version', statement: 'pkg:apk/wolfi/git', pkg: 'pkg:apk/wolfi/git@2.41.0-r0', want: true },
    { name: 'different version', statement: 'pkg:apk/wolfi/git@2.39.0-r1', pkg: 'pkg:apk/wolfi/git@2.39.0-r2', want: false },
    { name: 'package without version, statement with one', statement: 'pkg:apk/wolfi/git@2.39.0-r1', pkg: 'pkg:apk/wolfi/git', want: false },
    { name: 'different namespace', statement: 'pkg:apk/wolfi/git', pkg: 'pkg:apk/alpine/git@1', want: false },
    { name: 'different type', statement: 'pkg:deb/debian/git', pkg: 'pkg:apk/debian/git@1', want: false },
    { name: 'arch on both sides must agree', statement: 'pkg:apk/wolfi/git@2.39.0-r1?arch=armv7', pkg: 'pkg:apk/wolfi/git@2.39.0-r1?arch=x86_64', want: false },
    { name: 'arch only on the package is ignored', statement: 'pkg:apk/wolfi/git@2.39.0-r1', pkg: 'pkg:apk/wolfi/git@2.39.0-r1?arch=x86_64', want: true },
    { name: 'arch only on the statement is ignored', statement: 'pkg:apk/wolfi/git@2.39.0-r1?arch=x86_64', pkg: 'pkg:apk/wolfi/git@2.39.0-r1', want: true },
    { name: 'distro on both sides must agree', statement: 'pkg:deb/debian/curl?distro=debian-11', pkg: 'pkg:deb/debian/curl@7.88.1-10?distro=debian-12', want: false },
    { name: 'other qualifiers are ignored', statement: 'pkg:maven/g/a@1.0?type=jar', pkg: 'pkg:maven/g/a@1.0?classifier=sources', want: true },
    { name: 'rpm epoch qualifier folded into the version', statement: 'pkg:rpm/redhat/curl@1:7.61.1-22.el8', pkg: 'pkg:rpm/redhat/curl@7.61.1-22.el8?epoch=1', want: true },
    { name: 'rpm epoch differs', statement: 'pkg:rpm/redhat/curl@7.61.1-22.el8?epoch=2', pkg: 'pkg:rpm/redhat/curl@7.61.1-22.el8?epoch=1', want: false },
    { name: 'case-insensitive types compare in lower case', statement: 'pkg:deb/Debian/OpenSSL', pkg: 'pkg:deb/debian/openssl@3.0.13-1', want: true },
    { name: 'npm names are case-sensitive', statement: 'pkg:npm/Lodash', pkg: 'pkg:npm/lodash@4.17.21', want: false },
  ];
  for (const c of cases) it(c.name, () => assert.equal(purlCovers(parsePurl(c.statement)!, parsePurl(c.pkg)!), c.want));
});

describe('purlsOfPackage', () => {
  const cases = [
    { name: 'own purl wins', pkg: { ecosystem: 'npm', name: 'lodash', version: '4.17.20', purl: 'pkg:npm/lodash@4.17.20' }, want: ['pkg:npm/lodash@4.17.20'] },
    { name: 'derived for npm scope', pkg: { ecosystem: 'npm', name: '@babel/core', version: '7.0.0' }, want: ['pkg:npm/%40babel/core@7.0.0'] },
    { name: 'derived for Maven', pkg: { ecosystem: 'Maven', name: 'org.apache.logging.log4j:log4j-core', version: '2.14.1' }, want: ['pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1'] },
    { name: 'derived for Go module path', pkg: { ecosystem: 'Go', name: 'github.com/foo/bar', version: 'v1.2.3' }, want: ['pkg:golang/github.com/foo/bar@v1.2.3'] },
    {
      name: 'Debian binary from a source package: binary and source purls',
      pkg: { ecosystem: 'Debian:12', name: 'libssl3', version: '3.0.11-1~deb12u2', sourceName: 'openssl', arch: 'amd64' },
      want: ['pkg:deb/debian/libssl3@3.0.11-1~deb12u2?arch=amd64', 'pkg:deb/debian/openssl@3.0.11-1~deb12u2'],
    },
    { name: 'unknown ecosystem, no purl', pkg: { ecosystem: 'Nix', name: 'x', version: '1' }, want: [] },
  ];
  for (const c of cases) {
    it(c.name, () => assert.deepEqual(purlsOfPackage(c.pkg).map(formatPurl), c.want.map((p) => formatPurl(parsePurl(p)!))));
  }
});
