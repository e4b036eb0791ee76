import type { Command } from 'commander';
import { invalidInput, type RiskPolicy } from '@patchloop/core';
import { openMigratedStore, resolveStoreOptions, type DbFlags } from '../store-options.js';
import { importSnapshot } from '../snapshot.js';
import { readRiskPolicy } from '../risk-policy-file.js';

export interface ServeFlags extends DbFlags {
  demo?: boolean;
  policy?: string;
  host: string;
  port: string;
  logLevel: string;
}

/** patchloop server: the API on SQLite (default) or PostgreSQL. */
export function registerServerCommand(program: Command): void {
  addServeOptions(program.command('server').description('run the Patchloop server (API, schedulers)')).action(async (opts: ServeFlags) => {
    await serve(opts, { recordThisHost: false });
  });
}

export function addServeOptions(cmd: Command): Command {
  return cmd
    .option('--db <file-or-url>', 'SQLite file or postgres:// URL (default ./data/patchloop.db, or PATCHLOOP_DB / DATABASE_URL)')
    .option('--host <addr>', 'address to listen on', process.env.PATCHLOOP_HOST ?? '127.0.0.1')
    .option('--port <n>', 'port to listen on', process.env.PORT ?? '8080')
    .option('--log-level <level>', 'pino log level', process.env.LOG_LEVEL ?? 'info')
    .option('--policy <file>', 'risk policy JSON (docs/risk-policy.md); also PATCHLOOP_POLICY');
}

/** Opens and migrates the store, starts listening and prints where and how to authenticate. */
export async function serve(opts: ServeFlags, { recordThisHost }: { recordThisHost: boolean }): Promise<void> {
  const port = Number(opts.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw invalidInput('E_PORT_INVALID', `port "${opts.port}" is not a number 0-65535`, { field: '--port' });
  const policy = await readRiskPolicy(opts.policy);
  const store = await openMigratedStore(opts);
  const mainJob = recordThisHost ? await prepareMainJob(store, opts.demo !== false, policy) : undefined;
  const { startServer } = await import('@patchloop/server');
  const running = await startServer({ store, host: opts.host, port, logLevel: opts.logLevel, ...(policy ? { policy } : {}) });
  console.log(`Patchloop ${running.url} (store ${resolveStoreOptions(opts).describe})`);
  if (mainJob) console.log(mainJob);
  if (running.adminToken) {
    console.log(`\nFirst start: an admin API token was created. It is shown only now; keep it:\n\n  ${running.adminToken}\n`);
  } else {
    console.log('API tokens: use the one printed at the first start, or create one with `npx patchloop token create --name NAME`');
  }
  console.log(`try: curl -H "Authorization: Bearer <token>" ${running.url}/api/v1/assets   (API description: ${running.url}/openapi.json)`);
  const stop = async () => {
    await running.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

/**
 * The main job before listening: bundled real feeds (first start), this host's inventory, the demo
 * fleet (first start, unless --no-demo), then the top of the remediation plan.
 */
async function prepareMainJob(store: Awaited<ReturnType<typeof openMigratedStore>>, demo: boolean, policy: RiskPolicy | undefined): Promise<string> {
  await importSnapshot(store, (line) => console.log(line));
  const services = await import('@patchloop/server/services');
  const clock = { nowIso: () => new Date().toISOString() };
  const lines: string[] = [];
  try {
    const local = await services.recordLocalHost(store, clock);
    lines.push(`this host: ${local.line}`);
    const added = demo ? await services.ensureDemoFleet(store, local.snapshot, clock.nowIso()) : 0;
    if (added) lines.push(`demo fleet: ${added} hosts added (tag "demo") with real, older Debian package versions`);
  } catch (e) {
    lines.push(`could not record this host's inventory: ${(e as Error).message}`);
  }
  const { assessment } = await services.assessStoredFindings(store, {}, clock.nowIso(), policy);
  const plan = assessment.plan.filter((a) => a.kind !== 'no-fix').slice(0, 5);
  lines.push(`open findings: ${assessment.assessed.length} on the fleet`);
  if (plan.length) lines.push(`fix first:\n${plan.map((a, i) => `  ${i + 1}. ${a.text}`).join('\n')}`);
  return lines.join('\n');
}
