import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parsePurl, purlToPackage } from './purl-package.js';

type Want = { ecosystem: string; name: string; version: string; arch?: string; warns?: boolean } | { skipped: string };

const cases: { name: string; purl: string; fallbackVersion?: string; want: Want }[] = [
  { name: 'npm scoped', purl: 'pkg:npm/%40babel/code-frame@7.12.11', want: { ecosystem: 'npm', name: '@babel/code-frame', version: '7.12.11' } },
  { name: 'pypi name is PEP 503 normalised', purl: 'pkg:pypi/Zope.Interface@6.3', want: { ecosystem: 'PyPI', name: 'zope-interface', version: '6.3' } },
  { name: 'maven group:artifact', purl: 'pkg:maven/org.apache.commons/commons-lang3@3.4?type=jar', want: { ecosystem: 'Maven', name: 'org.apache.commons:commons-lang3', version: '3.4' } },
  { name: 'golang module path', purl: 'pkg:golang/github.com/gorilla/mux@v1.8.0', want: { ecosystem: 'Go', name: 'github.com/gorilla/mux', version: 'v1.8.0' } },
  { name: 'cargo', purl: 'pkg:cargo/hyper@0.14.28', want: { ecosystem: 'crates.io', name: 'hyper', version: '0.14.28' } },
  { name: 'gem', purl: 'pkg:gem/rails@7.0.8', want: { ecosystem: 'RubyGems', name: 'rails', version: '7.0.8' } },
  { name: 'nuget keeps case', purl: 'pkg:nuget/Newtonsoft.Json@13.0.1', want: { ecosystem: 'NuGet', name: 'Newtonsoft.Json', version: '13.0.1' } },
  { name: 'composer vendor/package', purl: 'pkg:composer/laravel/framework@v7.12.0', want: { ecosystem: 'Packagist', name: 'laravel/framework', version: 'v7.12.0' } },
  { name: 'deb with debian-12', purl: 'pkg:deb/debian/openssl@3.0.11-1~deb12u2?arch=amd64&distro=debian-12', want: { ecosystem: 'Debian:12', name: 'openssl', version: '3.0.11-1~deb12u2', arch: 'amd64' } },
  { name: 'deb with codename', purl: 'pkg:deb/debian/curl@7.74.0-1.3+deb11u7?distro=bullseye', want: { ecosystem: 'Debian:11', name: 'curl', version: '7.74.0-1.3+deb11u7' } },
  { name: 'deb ubuntu', purl: 'pkg:deb/ubuntu/bash@5.1-6ubuntu1?distro=ubuntu-22.04', want: { ecosystem: 'Ubuntu:22.04', name: 'bash', version: '5.1-6ubuntu1' } },
  { name: 'deb ubuntu codename', purl: 'pkg:deb/ubuntu/bash@5.2?distro=noble', want: { ecosystem: 'Ubuntu:24.04', name: 'bash', version: '5.2' } },
  { name: 'deb without distro warns', purl: 'pkg:deb/debian/curl@7.88.1-10', want: { ecosystem: 'Debian', name: 'curl', version: '7.88.1-10', warns: true } },
  { name: 'apk with full release', purl: 'pkg:apk/alpine/busybox@1.36.1-r15?arch=x86_64&distro=3.19.1', want: { ecosystem: 'Alpine:v3.19', name: 'busybox', version: '1.36.1-r15', arch: 'x86_64' } },
  { name: 'apk alpine- prefix', purl: 'pkg:apk/alpine/musl@1.2.4-r2?distro=alpine-3.18.4', want: { ecosystem: 'Alpine:v3.18', name: 'musl', version: '1.2.4-r2' } },
  { name: 'rpm by namespace with epoch', purl: 'pkg:rpm/redhat/openssl@1.1.1k-7.el8_6?arch=x86_64&epoch=1', want: { ecosystem: 'Red Hat', name: 'openssl', version: '1:1.1.1k-7.el8_6', arch: 'x86_64' } },
  { name: 'version from the component when the purl has none', purl: 'pkg:npm/left-pad', fallbackVersion: '1.3.0', want: { ecosystem: 'npm', name: 'left-pad', version: '1.3.0' } },
  { name: 'no version anywhere', purl: 'pkg:npm/left-pad', want: { skipped: 'has no version' } },
  { name: 'generic has no ecosystem', purl: 'pkg:generic/zlib@1.3', want: { skipped: 'no known ecosystem' } },
  { name: 'unknown rpm vendor', purl: 'pkg:rpm/acme/tool@1.0-1', want: { skipped: 'no known ecosystem' } },
];

describe('purlToPackage', () => {
  for (const c of cases) {
    it(c.name, () => {
      const got = purlToPackage(parsePurl(c.purl), c.purl, c.fallbackVersion);
      if ('skipped' in c.want) {
        assert.equal(got.ok, false);
        assert.ok(!got.ok && got.reason.includes(c.want.skipped), JSON.stringify(got));
        return;
      }
      assert.ok(got.ok, JSON.stringify(got));
      const { warns, ...pkg } = c.want;
      assert.deepEqual(got.pkg, { ...pkg, purl: c.purl });
      assert.equal(got.warning !== undefined, warns === true);
    });
  }
  it('throws on a purl that does not parse', () => {
    assert.throws(() => parsePurl('npm/left-pad@1.3.0'));
  });
});
