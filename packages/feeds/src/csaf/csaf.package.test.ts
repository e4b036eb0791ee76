import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { csafProductToPackage, redHatEcosystemFromCpe } from './csaf.package.js';
import { parsePackageUrl } from './csaf.purl.js';
import type { CsafProduct } from './csaf.product-tree.js';

describe('parsePackageUrl', () => {
  const cases = [
    { name: 'rpm with arch and epoch', purl: 'pkg:rpm/redhat/openssl@3.0.7-27.el9?arch=x86_64&epoch=1', want: { type: 'rpm', namespace: 'redhat', name: 'openssl', version: '3.0.7-27.el9', qualifiers: { arch: 'x86_64', epoch: '1' } } },
    { name: 'percent-encoded + in a module release', purl: 'pkg:rpm/redhat/python39-test@3.9.7-2.module%2Bel8.6.0%2B20026%2B579726f4.2?arch=s390x', want: { type: 'rpm', namespace: 'redhat', name: 'python39-test', version: '3.9.7-2.module+el8.6.0+20026+579726f4.2', qualifiers: { arch: 's390x' } } },
    { name: 'scoped npm', purl: 'pkg:npm/%40angular/core@16.0.0', want: { type: 'npm', namespace: '@angular', name: 'core', version: '16.0.0', qualifiers: {} } },
    { name: 'no version', purl: 'pkg:rpm/redhat/git-lfs', want: { type: 'rpm', namespace: 'redhat', name: 'git-lfs', qualifiers: {} } },
    { name: 'not a purl', purl: 'cpe:/a:redhat:enterprise_linux:9', want: undefined },
  ];
  for (const c of cases) it(c.name, () => assert.deepEqual(parsePackageUrl(c.purl), c.want));
});

describe('redHatEcosystemFromCpe (OSV naming: the CPE without "cpe:/[ao]:redhat")', () => {
  const cases = [
    { cpe: 'cpe:/a:redhat:rhel_aus:8.6::appstream', want: 'Red Hat:rhel_aus:8.6::appstream' },
    { cpe: 'cpe:/a:redhat:enterprise_linux:9::appstream', want: 'Red Hat:enterprise_linux:9::appstream' },
    { cpe: 'cpe:/o:redhat:rhel_aus:7.6::server', want: 'Red Hat:rhel_aus:7.6::server' },
    { cpe: 'cpe:/a:csaf-tools:cvrf-csaf-converter:1.0.0', want: undefined },
  ];
  for (const c of cases) it(c.cpe, () => assert.equal(redHatEcosystemFromCpe(c.cpe), c.want));
});

const rhel9: CsafProduct = { id: 'AppStream-9.4.0.Z.MAIN', name: 'Red Hat Enterprise Linux AppStream (v. 9)', cpe: 'cpe:/a:redhat:enterprise_linux:9::appstream' };
const product = (name: string, purl?: string): CsafProduct => ({ id: name, name, ...(purl ? { purl } : {}) });

describe('csafProductToPackage', () => {
  const cases = [
    {
      name: 'the purl wins: openssl epoch 1 from the qualifier, binary, version without arch',
      component: product('openssl-1:3.0.7-27.el9.x86_64', 'pkg:rpm/redhat/openssl@3.0.7-27.el9?arch=x86_64&epoch=1'),
      contexts: [rhel9],
      want: { kind: 'package', pkg: { ecosystem: 'Red Hat:enterprise_linux:9::appstream', name: 'openssl', packageKind: 'binary', version: '1:3.0.7-27.el9', purl: 'pkg:rpm/redhat/openssl' } },
    },
    {
      name: 'no purl: the Red Hat NEVRA name, src rpm → source',
      component: product('openssl-1:3.0.7-27.el9.src'),
      contexts: [rhel9],
      want: { kind: 'package', pkg: { ecosystem: 'Red Hat:enterprise_linux:9::appstream', name: 'openssl', packageKind: 'source', version: '1:3.0.7-27.el9', purl: 'pkg:rpm/redhat/openssl' } },
    },
    { name: 'a module stream is not a package', component: product('python39:3.9:8060020240801142753:6a631399', 'pkg:rpmmod/redhat/python39@3.9:8060020240801142753:6a631399'), contexts: [rhel9], want: { kind: 'ignored' } },
    { name: 'an rpm outside any Red Hat platform', component: product('openssl-1:3.0.7-27.el9.x86_64'), contexts: [], want: /no release to scope it to/ },
    { name: 'a container image name', component: product('openshift4/ose-metering-hive:v4.6.0-202112160147.p0.gf139e12.assembly.stream'), contexts: [rhel9], want: /not an rpm NEVRA/ },
    { name: 'a Debian purl needs a release', component: product('openssl', 'pkg:deb/debian/openssl@3.0.11-1'), contexts: [], want: /purl type "deb"/ },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const got = csafProductToPackage({ productId: c.component.id, component: c.component, contexts: c.contexts });
      if (c.want instanceof RegExp) {
        assert.equal(got.kind, 'skipped');
        assert.match(got.kind === 'skipped' ? got.reason : '', c.want);
      } else assert.deepEqual(got, c.want);
    });
  }
});
