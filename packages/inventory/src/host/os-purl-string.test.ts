import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { PackageURL } from 'packageurl-js';
import { distroForEcosystem, osPackagePurl, type OsPurlParts, type OsPurlType } from './distro-purl.js';
import { parseDpkgStatus } from './dpkg/dpkg-status.parser.js';
import { parseApkInstalled } from './apk/apk-installed.parser.js';
import { parseRpmQaLine } from './rpm/rpm-qa.parser.js';

// osPackagePurl builds the string itself; packageurl-js is the reference it must equal.
function referencePurl(type: OsPurlType, ecosystem: string, parts: OsPurlParts): string {
  const { namespace, distro } = distroForEcosystem(ecosystem);
  const qualifiers: Record<string, string> = {};
  if (parts.arch !== undefined) qualifiers.arch = parts.arch;
  if (parts.epoch !== undefined) qualifiers.epoch = parts.epoch;
  if (distro !== undefined) qualifiers.distro = distro;
  return new PackageURL(type, namespace, parts.name, parts.version, qualifiers).toString();
}

/** The result, or the fact that it threw. */
function outcome(f: () => string): string {
  try {
    return f();
  } catch {
    return '<throws>';
  }
}

const assertSame = (type: OsPurlType, ecosystem: string, parts: OsPurlParts) =>
  assert.equal(outcome(() => osPackagePurl(type, ecosystem, parts)), outcome(() => referencePurl(type, ecosystem, parts)), JSON.stringify({ type, ecosystem, parts }));

const testdata = (rel: string): string => readFileSync(fileURLToPath(new URL(rel, import.meta.url)), 'utf8');

describe('osPackagePurl equals packageurl-js', () => {
  const cases: { name: string; type: OsPurlType; ecosystem: string; parts: OsPurlParts }[] = [
    { name: 'deb with arch', type: 'deb', ecosystem: 'Debian:12', parts: { name: 'libc6', version: '2.36-9+deb12u4', arch: 'amd64' } },
    { name: 'deb epoch and tilde', type: 'deb', ecosystem: 'Debian:12', parts: { name: 'bsdutils', version: '1:2.38.1-5~b1', arch: 'amd64' } },
    { name: 'deb name with plus', type: 'deb', ecosystem: 'Debian:12', parts: { name: 'libstdc++6', version: '12.2.0-14', arch: 'amd64' } },
    { name: 'deb upper-case name is lower-cased', type: 'deb', ecosystem: 'Ubuntu:22.04', parts: { name: 'LibFoo', version: '1.0', arch: 'all' } },
    { name: 'rpm keeps the name case, epoch qualifier sorted last', type: 'rpm', ecosystem: 'Red Hat:9', parts: { name: 'NetworkManager', version: '1.46.0-8.el9', arch: 'x86_64', epoch: '1' } },
    { name: 'apk strips the v of the release', type: 'apk', ecosystem: 'Alpine:v3.19', parts: { name: 'busybox', version: '1.36.1-r15', arch: 'x86_64' } },
    { name: 'no arch, no release', type: 'deb', ecosystem: 'Debian', parts: { name: 'x', version: '1' } },
    { name: 'spaces and reserved characters', type: 'deb', ecosystem: 'Debian:12', parts: { name: ' a b/c?d ', version: ' 1 2#3&4 ', arch: ' x y+z~ ' } },
    { name: 'empty version and arch are dropped', type: 'deb', ecosystem: 'Debian:12', parts: { name: 'a', version: '  ', arch: '' } },
    { name: 'blank name throws', type: 'deb', ecosystem: 'Debian:12', parts: { name: ' \t', version: '1' } },
    { name: 'unknown distro slug', type: 'rpm', ecosystem: 'Foo Linux:1.2', parts: { name: 'a', version: '1' } },
    { name: 'empty slug: no namespace', type: 'rpm', ecosystem: '!!:1', parts: { name: 'a', version: '1' } },
    { name: 'non-ASCII', type: 'apk', ecosystem: 'Alpine:v3.19', parts: { name: 'pâté', version: 'ü1', arch: 'é' } },
  ];
  for (const c of cases) it(c.name, () => assertSame(c.type, c.ecosystem, c.parts));

  it('every package of the dpkg, apk and rpm test databases and of this host', () => {
    const debs = ['dpkg/testdata/debian12-host.status', 'dpkg/testdata/handmade.status'].map((f) => testdata(`./${f}`));
    if (existsSync('/var/lib/dpkg/status')) debs.push(readFileSync('/var/lib/dpkg/status', 'utf8'));
    let n = 0;
    for (const text of debs) {
      for (const p of parseDpkgStatus(text, { ecosystem: 'Debian:12' }).packages) {
        assert.equal(p.purl, referencePurl('deb', 'Debian:12', { name: p.name, version: p.version, ...(p.arch ? { arch: p.arch } : {}) }));
        n++;
      }
    }
    for (const f of ['syft-multiple-1.installed']) {
      for (const p of parseApkInstalled(testdata(`./apk/testdata/${f}`), { ecosystem: 'Alpine:v3.19' }).packages) {
        assert.equal(p.purl, referencePurl('apk', 'Alpine:v3.19', { name: p.name, version: p.version, ...(p.arch ? { arch: p.arch } : {}) }));
        n++;
      }
    }
    for (const f of ['rhel9-host.handchecked.qa.tsv', 'rpmdb-built-here.qa.tsv']) {
      testdata(`./rpm/testdata/${f}`).split('\n').filter((l) => l !== '').forEach((line, i) => {
        const row = parseRpmQaLine(line, i + 1, {});
        assertSame('rpm', 'Red Hat:9', { name: row.name, version: `${row.version}-${row.release}`, arch: row.arch, ...(row.epoch !== undefined ? { epoch: row.epoch } : {}) });
        n++;
      });
    }
    assert.ok(n > 100, `only ${n} packages compared`);
  });

  it('any strings (property)', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'Z', '0', '.', '-', '_', '+', '~', ':', '/', ' ', '\t', '%', '?', '#', '&', '=', '@', 'é', '*', "'", '(', '!') });
    fc.assert(fc.property(
      fc.constantFrom<OsPurlType>('deb', 'rpm', 'apk'), fc.constantFrom('Debian:12', 'Ubuntu:24.04', 'Alpine:v3.19', 'Red Hat:9', 'Rocky Linux:9', 'Debian', 'X/y:1'),
      text, text, fc.option(text, { nil: undefined }), fc.option(text, { nil: undefined }),
      (type, ecosystem, name, version, arch, epoch) => assertSame(type, ecosystem, { name, version, ...(arch !== undefined ? { arch } : {}), ...(epoch !== undefined ? { epoch } : {}) }),
    ), { numRuns: 3000 });
  });
});
