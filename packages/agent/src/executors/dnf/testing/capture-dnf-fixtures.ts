// Regenerates packages/agent/testdata/dnf/ from the real tools (root, dnf, rpm, rpmbuild, createrepo_c):
//   node --import tsx packages/agent/src/executors/dnf/testing/capture-dnf-fixtures.ts
// Each scenario runs the executor's own command builders through the real ProcessCommandRunner on
// a demo host (see dnf-demo-host.ts), so a fixture is exactly what the executor reads in production.
// The temporary directory is replaced by TMP in the stored argv and output.
import { spawn } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RPM_QA_QUERYFORMAT } from '@patchloop/inventory';
import { ProcessCommandRunner, type CommandSpec } from '../../../runner/command-runner.js';
import { dnfCheckUpdateCommand, dnfTransactionCommand, dnfVersionlockCommand, rpmQueryCommand, type DnfCommandOptions } from '../dnf-commands.js';
import { buildDnfDemoHost, DEMO_LONG } from './dnf-demo-host.js';

/** One stored capture: argv (TMP for the temporary directory), exit code, output in `<name>.out`. */
export interface DnfCapture {
  name: string;
  argv: string[];
  exitCode: number;
  timedOut: boolean;
}

const OUT = fileURLToPath(new URL('../../../../testdata/dnf/', import.meta.url));
const runner = new ProcessCommandRunner();

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'patchloop-dnf-capture-'));
  try {
    const host = buildDnfDemoHost(dir);
    const opts: DnfCommandOptions = { timeoutMs: 60_000, installRoot: host.root, configFile: host.configFile };
    const captures: DnfCapture[] = [];
    const capture = async (name: string, spec: CommandSpec) => {
      const res = await runner.run(spec);
      const norm = (s: string) => s.split(dir).join('TMP');
      writeFileSync(join(OUT, `${name}.out`), norm(res.output));
      captures.push({ name, argv: spec.argv.map(norm), exitCode: res.exitCode, timedOut: res.timedOut });
    };
    await runScenarios(capture, opts, host.root);
    writeFileSync(join(OUT, 'captures.json'), `${JSON.stringify(captures, null, 2)}\n`);
    console.log(`wrote ${captures.length} captures to ${OUT}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

type Capture = (name: string, spec: CommandSpec) => Promise<void>;

async function runScenarios(capture: Capture, opts: DnfCommandOptions, root: string): Promise<void> {
  const install = (specs: string[], refresh = false) => dnfTransactionCommand('install', specs, { refresh }, opts);
  const rpmQa = (...names: string[]) => rpmQueryCommand(names, RPM_QA_QUERYFORMAT, opts);
  const names = ['demo-web', DEMO_LONG];
  await capture('rpm-qa-none-installed', rpmQa(...names));
  await capture('install-new', install(['demo-web-1.0-1', `${DEMO_LONG}-1:1.0-1`], true));
  await capture('rpm-qa-after-install-new', rpmQa(...names));
  await capture('check-update-available', dnfCheckUpdateCommand(opts));
  appendFileSync(join(root, 'etc/demo-web.conf'), 'edited=by the admin\n');
  await capture('install-upgrade-rpmnew', install(['demo-web-2.0-1.noarch', `${DEMO_LONG}-1:1.1-1.noarch`]));
  await capture('rpm-qa-after-upgrade', rpmQa(...names));
  await capture('install-postin-fails', install(['demo-web-2.0-2.noarch']));
  await capture('rpm-qa-after-postin-fails', rpmQa(...names));
  await capture('install-no-such-version', install(['demo-web-9.9-1.noarch']));
  await capture('upgrade-to-lower-nothing-to-do', { ...install([]), argv: [...install([]).argv.filter((a) => a !== 'install'), 'upgrade', 'demo-web-1.0-1.noarch'] });
  await capture('install-lower-version', install(['demo-web-2.0-1.noarch']));
  await capture('downgrade', dnfTransactionCommand('downgrade', ['demo-web-1.0-1.noarch', `${DEMO_LONG}-1:1.0-1.noarch`], { refresh: false }, opts));
  await capture('rpm-qa-after-downgrade', rpmQa(...names));
  await capture('downgrade-to-higher-nothing-to-do', dnfTransactionCommand('downgrade', ['demo-web-2.0-1.noarch'], { refresh: false }, opts));
  await capture('versionlock-add', dnfVersionlockCommand('add', ['demo-web'], opts));
  await capture('versionlock-add-not-found', dnfVersionlockCommand('add', ['no-such-package'], opts));
  await capture('install-held-package', install(['demo-web-2.0-1.noarch']));
  await capture('versionlock-delete', dnfVersionlockCommand('delete', ['demo-web'], opts));
  await capture('versionlock-delete-not-locked', dnfVersionlockCommand('delete', ['demo-web'], opts));
  await capture('versionlock-missing', withDnfOptions(dnfVersionlockCommand('add', ['demo-web'], opts), ['--disableplugin=versionlock']));
  await captureLockScenarios(capture, opts, root);
  await capture('install-latest', install(['demo-web-2.0-2.noarch', `${DEMO_LONG}-1:1.1-1.noarch`]));
  await capture('check-update-none', dnfCheckUpdateCommand(opts));
}

/** Another process holds dnf's locks (its pid written in them, as dnf does): dnf waits, or with exit_on_lock exits 200. */
async function captureLockScenarios(capture: Capture, opts: DnfCommandOptions, root: string): Promise<void> {
  const holder = spawn('sleep', ['60'], { stdio: 'ignore' });
  try {
    for (const d of ['var/cache/dnf', 'var/lib/dnf']) mkdirSync(join(root, d), { recursive: true });
    writeFileSync(join(root, 'var/cache/dnf/metadata_lock.pid'), String(holder.pid));
    writeFileSync(join(root, 'var/lib/dnf/rpmdb_lock.pid'), String(holder.pid));
    await capture('install-lock-wait-timeout', { ...dnfTransactionCommand('install', ['demo-web-2.0-1.noarch'], { refresh: false }, opts), timeoutMs: 3000 });
    await capture('install-exit-on-lock', withDnfOptions(dnfTransactionCommand('install', ['demo-web-2.0-1.noarch'], { refresh: false }, opts), ['--setopt=exit_on_lock=True']));
  } finally {
    holder.kill();
    rmSync(join(root, 'var/cache/dnf/metadata_lock.pid'), { force: true });
    rmSync(join(root, 'var/lib/dnf/rpmdb_lock.pid'), { force: true });
  }
}

/** The same command with dnf options added at the end (a later --setopt wins). */
function withDnfOptions(spec: CommandSpec, options: string[]): CommandSpec {
  return { ...spec, argv: [...spec.argv, ...options] };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
