import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { JobKind } from '@patchloop/core';
import { FakeCommandRunner, type FakeCommandRule } from '../../runner/fake-command-runner.js';
import type { ExecutableJob } from '../executor.js';
import { AptExecutor, EXIT_DPKG_AUDIT_FAILED } from './apt.executor.js';

// A fake runner: real apt/dpkg runs in the fleet harness (real hosts), not in unit tests.
const job = (kind: JobKind, args: unknown, timeoutSeconds = 600): ExecutableJob => ({ id: 'job-1', kind, args, timeoutSeconds }) as ExecutableJob;
const LOCK = '-o DPkg::Lock::Timeout=42';
const INSTALL_LINE = `apt-get install -y -o Dpkg::Options::=--force-confold ${LOCK} --allow-downgrades`;
const argvIs = (...prefix: string[]) => (argv: readonly string[]) => prefix.every((p, i) => argv[i] === p);

interface Case {
  name: string;
  job: ExecutableJob;
  rules?: FakeCommandRule[];
  commands: string[];
  exitCode: number;
  logIncludes?: string[];
}

const cases: Case[] = [
  {
    name: 'install: lists, exact versions with the lock timeout, then dpkg --audit',
    job: job('install', { packages: [{ name: 'openssl', version: '3.0.11-1~deb12u2' }, { name: 'libssl3', version: '3.0.11-1~deb12u2' }] }),
    commands: [`apt-get update ${LOCK}`, `${INSTALL_LINE} openssl=3.0.11-1~deb12u2 libssl3=3.0.11-1~deb12u2`, 'dpkg --audit'],
    exitCode: 0,
  },
  {
    name: 'install: apt exit 100 is a failure with the log',
    job: job('install', { packages: [{ name: 'openssl', version: '9.9' }] }),
    rules: [{ match: argvIs('apt-get', 'install'), result: { exitCode: 100, output: "E: Version '9.9' for 'openssl' was not found\n" } }],
    commands: [`apt-get update ${LOCK}`, `${INSTALL_LINE} openssl=9.9`, 'dpkg --audit'],
    exitCode: 100,
    logIncludes: ["E: Version '9.9' for 'openssl' was not found", `$ ${INSTALL_LINE} openssl=9.9`],
  },
  {
    name: 'install: apt exit 0 but half-configured packages is a failure with the audit in the log',
    job: job('install', { packages: [{ name: 'nginx', version: '1.22.1-9' }] }),
    rules: [{ match: argvIs('dpkg', '--audit'), result: { exitCode: 0, output: 'The following packages are only half configured:\n nginx-common\n' } }],
    commands: [`apt-get update ${LOCK}`, `${INSTALL_LINE} nginx=1.22.1-9`, 'dpkg --audit'],
    exitCode: EXIT_DPKG_AUDIT_FAILED,
    logIncludes: ['only half configured', 'not fully installed'],
  },
  {
    name: 'install: a busy lock that outlasts the timeout is apt failing, reported as such',
    job: job('install', { packages: [{ name: 'curl', version: '7.88.1-10' }] }),
    rules: [{ match: argvIs('apt-get', 'install'), result: { exitCode: 100, output: 'E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 4242 (apt-get)\n' } }],
    commands: [`apt-get update ${LOCK}`, `${INSTALL_LINE} curl=7.88.1-10`, 'dpkg --audit'],
    exitCode: 100,
    logIncludes: ['Could not get lock'],
  },
  {
    name: 'rollback: installs the recorded versions with --allow-downgrades',
    job: job('rollback', { ofJobId: 'job-0', packages: [{ name: 'openssl', version: '3.0.9-1' }] }),
    commands: [`apt-get update ${LOCK}`, `${INSTALL_LINE} openssl=3.0.9-1`, 'dpkg --audit'],
    exitCode: 0,
  },
  { name: 'hold: apt-mark hold', job: job('hold', { packages: ['openssl', 'libssl3'] }), commands: [`apt-mark ${LOCK} hold openssl libssl3`], exitCode: 0 },
  { name: 'unhold: apt-mark unhold', job: job('unhold', { packages: ['openssl'] }), commands: [`apt-mark ${LOCK} unhold openssl`], exitCode: 0 },
  {
    name: 'hold: an apt-mark failure is the job failing',
    job: job('hold', { packages: ['nosuchpkg'] }),
    rules: [{ match: argvIs('apt-mark'), result: { exitCode: 100, output: 'E: Unable to locate package nosuchpkg\n' } }],
    commands: [`apt-mark ${LOCK} hold nosuchpkg`],
    exitCode: 100,
    logIncludes: ['Unable to locate package'],
  },
  { name: 'refresh-inventory: runs nothing', job: job('refresh-inventory', {}), commands: [], exitCode: 0 },
  { name: 'health-check command: passes on exit 0', job: job('health-check', { command: ['systemctl', 'is-active', 'nginx'] }), commands: ['systemctl is-active nginx'], exitCode: 0 },
  {
    name: 'health-check command: fails with its exit code',
    job: job('health-check', { command: ['systemctl', 'is-active', 'nginx'] }),
    rules: [{ match: argvIs('systemctl'), result: { exitCode: 3, output: 'inactive\n' } }],
    commands: ['systemctl is-active nginx'],
    exitCode: 3,
    logIncludes: ['inactive'],
  },
  { name: 'reboot: schedules a reboot a minute out, so the job can be reported first', job: job('reboot', {}), commands: ['shutdown -r +1 patchloop job job-1'], exitCode: 0 },
];

describe('AptExecutor', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const runner = new FakeCommandRunner(c.rules);
      const outcome = await new AptExecutor({ runner, lockTimeoutSeconds: 42 }).run(c.job);
      assert.deepEqual(runner.commandLines(), c.commands);
      assert.equal(outcome.exitCode, c.exitCode, outcome.log);
      for (const text of c.logIncludes ?? []) assert.ok(outcome.log.includes(text), `log lacks "${text}":\n${outcome.log}`);
    });
  }

  it('runs apt non-interactively and within the job time limit', async () => {
    const runner = new FakeCommandRunner();
    await new AptExecutor({ runner, lockTimeoutSeconds: 42 }).run(job('install', { packages: [{ name: 'jq', version: '1.6-2.1' }] }, 90));
    const install = runner.calls.find((c) => c.argv[1] === 'install');
    assert.deepEqual([install?.env?.DEBIAN_FRONTEND, install?.timeoutMs], ['noninteractive', 90_000]);
  });

  it('skips apt-get update when told to', async () => {
    const runner = new FakeCommandRunner();
    await new AptExecutor({ runner, lockTimeoutSeconds: 42, updateListsFirst: false }).run(job('install', { packages: [{ name: 'jq', version: '1.6-2.1' }] }));
    assert.deepEqual(runner.commandLines(), [`${INSTALL_LINE} jq=1.6-2.1`, 'dpkg --audit']);
  });

  it('lists updates from a simulated upgrade without taking the lock', async () => {
    const output = 'Reading package lists...\nInst openssl [3.0.9-1] (3.0.11-1~deb12u2 Debian-Security:12/stable-security [amd64])\nInst libnew1 (1.2-3 Debian:12/stable [amd64])\nConf openssl (3.0.11-1~deb12u2 Debian-Security:12/stable-security [amd64])\n';
    const runner = new FakeCommandRunner([{ match: argvIs('apt-get', '-s'), result: { output } }]);
    const updates = await new AptExecutor({ runner }).listAvailableUpdates();
    assert.deepEqual(runner.commandLines(), ['apt-get -s -o Debug::NoLocking=1 upgrade']);
    assert.deepEqual(updates, [{ name: 'openssl', version: '3.0.11-1~deb12u2' }, { name: 'libnew1', version: '1.2-3' }]);
  });

  describe('HTTP health check (a real server on 127.0.0.1)', () => {
    const probes: { name: string; status: number; expect: number; exitCode: number; text: string }[] = [
      { name: 'the expected status passes', status: 200, expect: 200, exitCode: 0, text: 'healthy' },
      { name: 'another status fails', status: 503, expect: 200, exitCode: 1, text: 'status 503, expected 200: unhealthy' },
      { name: 'a redirect is not followed', status: 302, expect: 200, exitCode: 1, text: 'status 302' },
    ];
    for (const p of probes) {
      it(p.name, async () => {
        const server = createServer((_req, res) => res.writeHead(p.status, { location: 'http://127.0.0.1:1/' }).end());
        await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
        try {
          const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/health`;
          const outcome = await new AptExecutor({ runner: new FakeCommandRunner() }).run(job('health-check', { http: { url, expectStatus: p.expect, timeoutMs: 5000 } }));
          assert.equal(outcome.exitCode, p.exitCode, outcome.log);
          assert.ok(outcome.log.includes(p.text), outcome.log);
        } finally {
          server.close();
        }
      });
    }

    it('a server that does not answer in time fails', async () => {
      const server = createServer(() => undefined);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      try {
        const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slow`;
        const outcome = await new AptExecutor({ runner: new FakeCommandRunner() }).run(job('health-check', { http: { url, expectStatus: 200, timeoutMs: 50 } }));
        assert.equal(outcome.exitCode, 1);
        assert.ok(outcome.log.includes('no answer within 50 ms'), outcome.log);
      } finally {
        server.closeAllConnections();
        server.close();
      }
    });
  });
});
