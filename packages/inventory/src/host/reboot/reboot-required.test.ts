import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { debianRebootStatus, needsRestartingRebootStatus } from './reboot-required.js';
import type { RebootStatus } from './reboot-required.js';

// Hand-written from the messages in dnf-plugins-core's needs_restarting.py (not captured on a host: no RHEL here).
const RHEL_REBOOT = `Core libraries or services have been updated since boot-up:
  * kernel
  * systemd

Reboot is required to fully utilize these updates.
More information: https://access.redhat.com/solutions/27943
`;
const RHEL_NO_REBOOT = `No core libraries or services have been updated since boot-up.
Reboot should not be necessary.
`;

describe('debianRebootStatus', () => {
  const cases: { name: string; flagExists: boolean; pkgsText?: string; want: RebootStatus }[] = [
    { name: 'no flag file', flagExists: false, want: { required: false, packages: [] } },
    { name: 'flag without .pkgs', flagExists: true, want: { required: true, packages: [] } },
    { name: 'flag with .pkgs, repeats removed, order kept', flagExists: true, pkgsText: 'linux-image-6.1.0-18-amd64\nlibc6\nlinux-image-6.1.0-18-amd64\n\n', want: { required: true, packages: ['linux-image-6.1.0-18-amd64', 'libc6'] } },
  ];
  for (const c of cases) it(c.name, () => assert.deepEqual(debianRebootStatus({ flagExists: c.flagExists, pkgsText: c.pkgsText }), c.want));
});

describe('needsRestartingRebootStatus', () => {
  const cases: { name: string; exitCode: number; output?: string; want: RebootStatus | undefined }[] = [
    { name: 'exit 1 with package list', exitCode: 1, output: RHEL_REBOOT, want: { required: true, packages: ['kernel', 'systemd'] } },
    { name: 'exit 0', exitCode: 0, output: RHEL_NO_REBOOT, want: { required: false, packages: [] } },
    { name: 'exit 1 without output', exitCode: 1, want: { required: true, packages: [] } },
    { name: 'tool failed (exit 2): unknown', exitCode: 2, output: 'Error: ...', want: undefined },
  ];
  for (const c of cases) it(c.name, () => assert.deepEqual(needsRestartingRebootStatus(c.exitCode, c.output), c.want));
});
