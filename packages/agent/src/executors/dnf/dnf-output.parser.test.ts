import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseDnfCheckUpdate } from './dnf-check-update.parser.js';
import { findConfigFileNotes, findLockWaitPid, findScriptletFailures, findVersionlockNotFound, isVersionlockMissing } from './dnf-transaction-output.parser.js';
import { capturedOutput } from './testing/dnf-fixtures.js';
import { DEMO_LONG } from './testing/dnf-demo-host.js';

// Real captures (testdata/dnf/) unless the case name says "hand-written".
describe('parseDnfCheckUpdate', () => {
  const cases: { name: string; output: string; want: { name: string; version: string }[] }[] = [
    { name: 'real: two updates, one with an epoch, after the releasever notice', output: capturedOutput('check-update-available'), want: [{ name: DEMO_LONG, version: '1:1.1-1' }, { name: 'demo-web', version: '2.0-2' }] },
    { name: 'real: nothing available', output: capturedOutput('check-update-none'), want: [] },
    {
      name: 'hand-written (dnf 4 output.py fmtColumns): a name wider than its column continues on the next line',
      output: 'NetworkManager-libnm-with-a-very-long-name.x86_64\n                                    1:1.44.0-3.el9     baseos\nkernel-core.x86_64  5.14.0-362.el9  baseos\n',
      want: [{ name: 'NetworkManager-libnm-with-a-very-long-name', version: '1:1.44.0-3.el9' }, { name: 'kernel-core', version: '5.14.0-362.el9' }],
    },
    {
      name: 'hand-written: the obsoletes section and security notices are not updates; a second arch is dropped',
      output: 'Security: kernel-core-5.14.0-362.el9.x86_64 is an installed security update\nglibc.x86_64  2.34-83.el9  baseos\nglibc.i686  2.34-83.el9  baseos\nObsoleting Packages\ngrub2-tools.x86_64  1:2.06-70.el9  baseos\n    grub2-tools.x86_64  1:2.06-61.el9  @baseos\n',
      want: [{ name: 'glibc', version: '2.34-83.el9' }],
    },
  ];
  for (const c of cases) it(c.name, () => assert.deepEqual(parseDnfCheckUpdate(c.output), c.want));
});

describe('transaction output', () => {
  const cases: { name: string; capture: string; scriptlets: string[]; configNotes: string[]; lockPid: boolean; versionlockMissing: boolean; notFound: string[] }[] = [
    { name: 'a clean install', capture: 'install-new', scriptlets: [], configNotes: [], lockPid: false, versionlockMissing: false, notFound: [] },
    { name: 'an upgrade over an edited %config(noreplace) file', capture: 'install-upgrade-rpmnew', scriptlets: [], configNotes: ['/etc/demo-web.conf.rpmnew'], lockPid: false, versionlockMissing: false, notFound: [] },
    { name: 'a failing %post (Lua error, dnf exit 0)', capture: 'install-postin-fails', scriptlets: ['POSTIN demo-web'], configNotes: [], lockPid: false, versionlockMissing: false, notFound: [] },
    { name: 'waiting for another process\'s lock', capture: 'install-lock-wait-timeout', scriptlets: [], configNotes: [], lockPid: true, versionlockMissing: false, notFound: [] },
    { name: 'no versionlock command', capture: 'versionlock-missing', scriptlets: [], configNotes: [], lockPid: false, versionlockMissing: true, notFound: [] },
    { name: 'versionlock add of an unknown name', capture: 'versionlock-add-not-found', scriptlets: [], configNotes: [], lockPid: false, versionlockMissing: false, notFound: ['no-such-package'] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const out = capturedOutput(c.capture);
      assert.deepEqual(findScriptletFailures(out).map((s) => `${s.scriptlet} ${s.packageName}`), c.scriptlets);
      assert.deepEqual(findConfigFileNotes(out), c.configNotes);
      assert.equal(findLockWaitPid(out) !== undefined, c.lockPid);
      assert.equal(isVersionlockMissing(out), c.versionlockMissing);
      assert.deepEqual(findVersionlockNotFound(out), c.notFound);
    });
  }
});
