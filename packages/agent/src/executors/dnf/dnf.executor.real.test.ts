// Real dnf and rpm end to end: DnfExecutor with the real ProcessCommandRunner on a throwaway
// installroot fed by a local repository of tiny rpms built here (testing/dnf-demo-host.ts).
// Needs root and rpm, rpmbuild, createrepo_c, dnf (Debian: apt-get install rpm createrepo-c dnf
// dnf-plugins-core). Skips with the reason printed when they are missing, unless
// PATCHLOOP_REQUIRE_FLEET=1 (CI), which fails instead. No network: the repository is file://.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JobKind } from '@patchloop/core';
import { ProcessCommandRunner } from '../../runner/command-runner.js';
import type { ExecutableJob, ExecutionOutcome } from '../executor.js';
import { DNF_EXIT } from './dnf-exit-codes.js';
import { DnfExecutor } from './dnf.executor.js';
import { formatInstalledRpms, queryInstalledRpms } from './installed-rpms.js';
import { buildDnfDemoHost, DEMO_LONG, missingDemoTool, type DnfDemoHost } from './testing/dnf-demo-host.js';

const REQUIRE = process.env.PATCHLOOP_REQUIRE_FLEET === '1';
const runner = new ProcessCommandRunner();
let jobs = 0;
const job = (kind: JobKind, args: unknown, timeoutSeconds = 60): ExecutableJob => ({ id: `real-${++jobs}`, kind, args, timeoutSeconds }) as ExecutableJob;

function unavailable(): string | undefined {
  if (process.getuid?.() !== 0) return 'needs root (dnf --installroot writes an rpm database and chroots to run scriptlets)';
  const tool = missingDemoTool();
  return tool ? `${tool} is not installed (Debian: apt-get install rpm createrepo-c dnf dnf-plugins-core)` : undefined;
}

function skipOrFail(t: TestContext, why: string): void {
  if (REQUIRE) assert.fail(`PATCHLOOP_REQUIRE_FLEET=1 but real dnf cannot run here: ${why}`);
  console.log(`# dnf real test skipped: ${why}`);
  t.skip(why);
}

async function versions(host: DnfDemoHost): Promise<string> {
  const q = await queryInstalledRpms(runner, ['demo-web', DEMO_LONG], { installRoot: host.root, timeoutMs: 30_000 });
  assert.ok(q.rows, q.result.output);
  return formatInstalledRpms(q.rows);
}

function expectOutcome(outcome: ExecutionOutcome, exitCode: number, ...logIncludes: string[]): void {
  assert.equal(outcome.exitCode, exitCode, outcome.log);
  for (const text of logIncludes) assert.ok(outcome.log.includes(text), `log lacks "${text}":\n${outcome.log}`);
}

const V = (web: string, long: string) => `${DEMO_LONG}=${long}.noarch demo-web=${web}.noarch`;

test('DnfExecutor against real dnf and rpm in an installroot', { timeout: 120_000 }, async (t) => {
  const why = unavailable();
  if (why) return skipOrFail(t, why);
  const dir = mkdtempSync(join(tmpdir(), 'patchloop-dnf-real-'));
  try {
    const host = buildDnfDemoHost(dir);
    const dnf = new DnfExecutor({ runner, installRoot: host.root, configFile: host.configFile });
    const web = (version: string) => ({ name: 'demo-web', version });
    const long = (version: string) => ({ name: DEMO_LONG, version });

    await t.test('install new packages at exact versions (one with an epoch)', async () => {
      expectOutcome(await dnf.run(job('install', { packages: [web('1.0-1'), long('1:1.0-1')] })), DNF_EXIT.ok, 'versions before: (none installed)');
      assert.equal(await versions(host), V('1.0-1', '1:1.0-1'));
    });

    await t.test('list the available updates (dnf check-update, exit 100)', async () => {
      assert.deepEqual(await dnf.listAvailableUpdates(), [{ name: DEMO_LONG, version: '1:1.1-1' }, { name: 'demo-web', version: '2.0-2' }]);
    });

    await t.test('upgrade to exact versions keeps an edited config file and reports the .rpmnew', async () => {
      appendFileSync(join(host.root, 'etc/demo-web.conf'), 'edited=by the admin\n');
      expectOutcome(await dnf.run(job('install', { packages: [web('2.0-1'), long('1:1.1-1')] })), DNF_EXIT.ok, '/etc/demo-web.conf.rpmnew');
      assert.equal(await versions(host), V('2.0-1', '1:1.1-1'));
      assert.match(readFileSync(join(host.root, 'etc/demo-web.conf'), 'utf8'), /edited=by the admin/);
    });

    await t.test('a failing %post: dnf exits 0, the job fails with E_DNF_SCRIPTLET_FAILED', async () => {
      expectOutcome(await dnf.run(job('install', { packages: [web('2.0-2')] })), DNF_EXIT.scriptletFailed, 'Error in POSTIN scriptlet in rpm package demo-web', 'E_DNF_SCRIPTLET_FAILED');
      assert.equal(await versions(host), V('2.0-2', '1:1.1-1'));
    });

    await t.test('roll back to the recorded versions: an explicit downgrade', async () => {
      const outcome = await dnf.run(job('rollback', { ofJobId: 'real-3', packages: [web('1.0-1'), long('1:1.0-1')] }));
      expectOutcome(outcome, DNF_EXIT.ok, ' downgrade demo-web-1.0-1.noarch', `${DEMO_LONG}-1:1.0-1.noarch`);
      assert.equal(await versions(host), V('1.0-1', '1:1.0-1'));
    });

    await t.test('hold: an install of the held package fails and changes nothing; unhold lets it through', async () => {
      expectOutcome(await dnf.run(job('hold', { packages: ['demo-web'] })), DNF_EXIT.ok, 'Adding versionlock on: demo-web-0:1.0-1.*');
      expectOutcome(await dnf.run(job('install', { packages: [web('2.0-1')] })), DNF_EXIT.error, 'filtered out by exclude filtering');
      assert.equal(await versions(host), V('1.0-1', '1:1.0-1'));
      expectOutcome(await dnf.run(job('unhold', { packages: ['demo-web'] })), DNF_EXIT.ok);
      expectOutcome(await dnf.run(job('install', { packages: [web('2.0-1')] })), DNF_EXIT.ok);
      assert.equal(await versions(host), V('2.0-1', '1:1.0-1'));
    });

    await t.test('hold without the versionlock plugin: E_DNF_VERSIONLOCK_MISSING and the lock list untouched', async () => {
      const before = readFileSync(host.locklist, 'utf8');
      const noPlugins = new DnfExecutor({ runner, installRoot: host.root, configFile: host.noPluginsConfigFile });
      expectOutcome(await noPlugins.run(job('hold', { packages: ['demo-web'] })), DNF_EXIT.versionlockMissing, 'No such command: versionlock', 'E_DNF_VERSIONLOCK_MISSING');
      assert.equal(readFileSync(host.locklist, 'utf8'), before);
    });

    await t.test("another dnf holding the lock past the job's time limit: 124, E_DNF_LOCK_TIMEOUT, nothing changed", async () => {
      const holder = spawn('sleep', ['60'], { stdio: 'ignore' });
      try {
        const lockFile = join(host.root, 'var/cache/dnf/metadata_lock.pid');
        mkdirSync(join(host.root, 'var/cache/dnf'), { recursive: true });
        writeFileSync(lockFile, String(holder.pid));
        expectOutcome(await dnf.run(job('install', { packages: [web('2.0-2')] }, 2)), DNF_EXIT.timedOut, `Waiting for process with pid ${holder.pid} to finish.`, 'E_DNF_LOCK_TIMEOUT');
        rmSync(lockFile, { force: true });
      } finally {
        holder.kill();
      }
      assert.equal(await versions(host), V('2.0-1', '1:1.0-1'));
      assert.ok(!existsSync(join(host.root, 'var/cache/dnf/metadata_lock.pid')));
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
