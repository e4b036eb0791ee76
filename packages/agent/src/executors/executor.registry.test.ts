import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { FakeCommandRunner } from '../runner/fake-command-runner.js';
import { detectExecutor } from './executor.registry.js';

// Roots built in a temporary directory: files for the markers, directories for rpm databases.
const cases: { name: string; files: string[]; dirs: string[]; want: string | undefined }[] = [
  { name: 'Debian: dpkg status and apt-get', files: ['var/lib/dpkg/status', 'usr/bin/apt-get'], dirs: [], want: 'apt' },
  { name: 'RHEL 8/9: rpm database in /var/lib/rpm and dnf', files: ['usr/bin/dnf'], dirs: ['var/lib/rpm'], want: 'dnf' },
  { name: 'Fedora: rpm database in /usr/lib/sysimage/rpm and dnf', files: ['usr/bin/dnf'], dirs: ['usr/lib/sysimage/rpm'], want: 'dnf' },
  { name: 'Debian with rpm and dnf installed as tools stays apt', files: ['var/lib/dpkg/status', 'usr/bin/apt-get', 'usr/bin/dnf'], dirs: ['var/lib/rpm'], want: 'apt' },
  { name: 'EL7 (rpm and yum, no dnf): none', files: ['usr/bin/yum'], dirs: ['var/lib/rpm'], want: undefined },
  { name: 'an empty root: none', files: [], dirs: [], want: undefined },
];

describe('detectExecutor', () => {
  for (const c of cases) {
    it(c.name, () => {
      const root = mkdtempSync(join(tmpdir(), 'patchloop-registry-'));
      try {
        for (const d of c.dirs) mkdirSync(join(root, d), { recursive: true });
        for (const f of c.files) {
          mkdirSync(dirname(join(root, f)), { recursive: true });
          writeFileSync(join(root, f), '');
        }
        assert.equal(detectExecutor({ runner: new FakeCommandRunner() }, root)?.packageManager, c.want);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    });
  }
});
