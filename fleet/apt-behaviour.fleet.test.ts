// Real apt and dpkg on real (overlay) Debian hosts: the behaviours the agent will rely on.
// Needs root, debootstrap, unshare and overlay mounts; the first run debootstraps a base (~40 s).
// Skips with a reason when the machine cannot host a fleet, unless PATCHLOOP_REQUIRE_FLEET=1 (CI).
//   npm run test:fleet
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import { skipWithoutFleet } from './lib/fleet-gate.ts';
import {
  dpkgAudit,
  dpkgQuery,
  dpkgQueryFormat,
  resetHost,
  runOn,
  startOn,
  withFleet,
  type Host,
} from './lib/hosts.ts';
import type { RunResult } from './lib/exec.ts';
import { mountsUnder } from './lib/mounts.ts';


const aptGet = (host: Host, ...args: string[]) => runOn(host, ['apt-get', ...args]);

function expectExit(res: RunResult, code: number, what: string): void {
  assert.equal(res.code, code, `${what}: expected exit ${code}, got ${res.code ?? res.signal}\n--- stdout\n${res.stdout}\n--- stderr\n${res.stderr}`);
}

async function expectPkg(host: Host, pkg: string, version: string, status: string): Promise<void> {
  assert.deepEqual(await dpkgQuery(host, pkg), { version, status }, `${pkg} on ${host.name}`);
}

test('apt and dpkg behaviour on real overlay hosts', { timeout: 20 * 60_000 }, async (t) => {
  if (await skipWithoutFleet(t)) return;

  let runDir = '';
  await withFleet(2, async (fleet) => {
    runDir = fleet.dir;
    t.diagnostic(`fleet setup (ms): ${JSON.stringify(fleet.timings)}`);
    const [h0, h1] = fleet.hosts as [Host, Host];

    await t.test('each host is its own namespace with the fleet repository', async () => {
      for (const h of [h0, h1]) {
        const id = await runOn(h, ['sh', '-c', 'hostname; echo $$; cat /etc/apt/sources.list; ls /srv/repo']);
        expectExit(id, 0, 'identity');
        const [name, pid, ...rest] = id.stdout.trim().split('\n');
        assert.equal(name, h.name);
        assert.equal(pid, '1', 'the command is PID 1 of its own pid namespace');
        assert.ok(rest.includes('deb [trusted=yes] file:/srv/repo ./'));
        assert.ok(rest.includes('Release'));
        // The repository is read-only inside the host.
        expectExit(await runOn(h, ['touch', '/srv/repo/x']), 1, 'write to /srv/repo');
        expectExit(await aptGet(h, 'update'), 0, 'apt-get update');
      }
      const env = await runOn(h0, ['env'], { env: { PATCHLOOP_X: '1' } });
      assert.deepEqual(env.stdout.trim().split('\n').map((l) => l.split('=')[0]).sort(),
        ['DEBIAN_FRONTEND', 'HOME', 'LANG', 'PATCHLOOP_X', 'PATH'], 'env -i keeps the machine environment out');
    });

    await t.test('--only-upgrade applies the security fix 1.0-1 -> 1.0-2', async () => {
      expectExit(await aptGet(h0, 'install', '-y', 'demo-openssl=1.0-1', 'demo-libssl3=1.0-1'), 0, 'install 1.0-1');
      await expectPkg(h0, 'demo-openssl', '1.0-1', 'ii');
      expectExit(await aptGet(h0, 'install', '-y', '--only-upgrade', 'demo-openssl'), 0, 'only-upgrade');
      await expectPkg(h0, 'demo-openssl', '1.0-2', 'ii');
      await expectPkg(h0, 'demo-libssl3', '1.0-2', 'ii');
      // Binary demo-libssl3 comes from source demo-openssl (source-package matching).
      assert.equal(await dpkgQueryFormat(h0, 'demo-libssl3', '${source:Package} ${source:Version}'), 'demo-openssl 1.0-2');
      const out = await runOn(h0, ['demo-openssl']);
      assert.equal(out.stdout.trim(), 'demo-openssl 1.0-2');
      // The other host is untouched.
      assert.equal(await dpkgQuery(h1, 'demo-openssl'), undefined);
    });

    await t.test('a downgrade exits 100 without --allow-downgrades', async () => {
      const pins = ['demo-openssl=1.0-1', 'demo-libssl3=1.0-1'];
      expectExit(await aptGet(h0, 'install', '-y', ...pins), 100, 'downgrade without --allow-downgrades');
      await expectPkg(h0, 'demo-openssl', '1.0-2', 'ii');
      expectExit(await aptGet(h0, 'install', '-y', '--allow-downgrades', ...pins), 0, 'downgrade with --allow-downgrades');
      await expectPkg(h0, 'demo-openssl', '1.0-1', 'ii');
      await expectPkg(h0, 'demo-libssl3', '1.0-1', 'ii');
    });

    await t.test('apt-mark hold keeps a package back', async () => {
      expectExit(await runOn(h0, ['apt-mark', 'hold', 'demo-openssl']), 0, 'apt-mark hold');
      assert.equal((await runOn(h0, ['apt-mark', 'showhold'])).stdout.trim(), 'demo-openssl');
      const up = await aptGet(h0, 'upgrade', '-y');
      expectExit(up, 0, 'apt-get upgrade');
      assert.match(up.stdout, /kept back|held back/i);
      // db:Status-Abbrev starts with the selection: "h" = hold.
      await expectPkg(h0, 'demo-openssl', '1.0-1', 'hi');
      expectExit(await aptGet(h0, 'install', '-y', 'demo-openssl'), 100, 'upgrade a held package without --allow-change-held-packages');
      await expectPkg(h0, 'demo-openssl', '1.0-1', 'hi');
      expectExit(await aptGet(h0, 'install', '-y', '--allow-change-held-packages', 'demo-openssl'), 0, 'with --allow-change-held-packages');
      // Seen here (apt 2.6): installing through the hold also releases it.
      await expectPkg(h0, 'demo-openssl', '1.0-2', 'ii');
      assert.equal((await runOn(h0, ['apt-mark', 'showhold'])).stdout.trim(), '');
    });

    await t.test('a broken postinst (demo-web 2.0-2) leaves iF until rolled back', async () => {
      expectExit(await aptGet(h1, 'install', '-y', 'demo-web=2.0-1'), 0, 'install demo-web 2.0-1');
      await expectPkg(h1, 'demo-web', '2.0-1', 'ii');
      const broken = await aptGet(h1, 'install', '-y', '--only-upgrade', 'demo-web');
      expectExit(broken, 100, 'upgrade to the broken 2.0-2');
      await expectPkg(h1, 'demo-web', '2.0-2', 'iF');
      const audit = await dpkgAudit(h1);
      assert.equal(audit.clean, false);
      assert.match(audit.output, /demo-web/);
      // Every later install fails until the broken package is dealt with.
      expectExit(await aptGet(h1, 'install', '-y', 'demo-svc=1.0-1'), 100, 'install while demo-web is half-configured');
      expectExit(await aptGet(h1, 'install', '-y', '--allow-downgrades', 'demo-web=2.0-1'), 0, 'rollback to 2.0-1');
      await expectPkg(h1, 'demo-web', '2.0-1', 'ii');
      assert.deepEqual(await dpkgAudit(h1), { clean: true, code: 0, output: '' });
    });

    await t.test('demo-svc health check: 1.0-1 healthy, 1.1-1 unhealthy', async () => {
      expectExit(await aptGet(h1, 'install', '-y', 'demo-svc=1.0-1'), 0, 'install demo-svc 1.0-1');
      expectExit(await runOn(h1, ['demo-svc-health']), 0, 'health of 1.0-1');
      expectExit(await aptGet(h1, 'install', '-y', '--only-upgrade', 'demo-svc'), 0, 'upgrade demo-svc');
      await expectPkg(h1, 'demo-svc', '1.1-1', 'ii');
      expectExit(await runOn(h1, ['demo-svc-health']), 1, 'health of 1.1-1');
    });

    await t.test('a long-running process on a host reaches 127.0.0.1 and dies with SIGKILL', async () => {
      const server = createServer((_req, res) => res.end('pong'));
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      const { port } = server.address() as AddressInfo;
      try {
        // node as PID 1 ignores SIGTERM: the harness stops hosts with SIGKILL of the unshare process.
        const script = `fetch('http://127.0.0.1:${port}/').then(r=>r.text()).then(b=>console.log('got '+b));setInterval(()=>{},1000)`;
        const p = startOn(h0, ['node', '-e', script]);
        const deadline = Date.now() + 15_000;
        while (!p.stdout().includes('got pong') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
        assert.match(p.stdout(), /got pong/, `stderr: ${p.stderr()}`);
        const res = await p.kill();
        assert.equal(res.signal, 'SIGKILL');
      } finally {
        server.close();
      }
    });

    await t.test('resetHost returns a host to the pristine base', async () => {
      await resetHost(h1);
      assert.equal(await dpkgQuery(h1, 'demo-web'), undefined);
      assert.equal(await dpkgQuery(h1, 'demo-svc'), undefined);
      await expectPkg(h0, 'demo-openssl', '1.0-2', 'ii');
      expectExit(await aptGet(h1, 'update'), 0, 'apt-get update after reset');
      expectExit(await aptGet(h1, 'install', '-y', 'demo-web=2.0-1'), 0, 'install after reset');
    });
  });

  // Only this run's directory: another fleet run may be going on at the same time.
  assert.deepEqual(mountsUnder(runDir), [], 'no mounts left under the run directory');
  assert.equal(existsSync(runDir), false, 'run directory removed');
});
