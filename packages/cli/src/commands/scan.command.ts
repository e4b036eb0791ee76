import type { Command } from 'commander';
import { invalidInput, type Criticality, type Exposure, type InventorySnapshot } from '@patchloop/core';
import type { PackageDbKind } from '@patchloop/inventory/host';
import type { ScanReport } from '@patchloop/server/scan';
import { openMigratedStore, type DbFlags } from '../store-options.js';
import { importSnapshot } from '../snapshot.js';
import { readRiskPolicy } from '../risk-policy-file.js';
import { printJson } from '../output.js';
import { EXIT } from '../exit-codes.js';
import { printScanTable } from '../scan/scan-table.js';
import { toSarif } from '../scan/scan-sarif.js';
import { toCsv } from '../scan/scan-csv.js';
import { failOnMatches, parseFailOn } from '../scan/fail-on.js';

interface ScanFlags extends DbFlags {
  dpkgStatus?: string; rpmQa?: string; apkInstalled?: string; sbom?: string; lockfile?: string;
  ecosystem?: string; name?: string; feed: string[]; vex: string[];
  json?: boolean; sarif?: boolean; csv?: boolean; failOn?: string; policy?: string; limit: string; criticality?: string; exposure?: string;
}

const collect = (v: string, prev: string[]) => [...prev, v];

/** patchloop scan: this host (default) or a file -> what to fix first, and why. */
export function registerScanCommand(program: Command): void {
  program
    .command('scan')
    .description('scan this host, a package database, an SBOM or a lockfile against the stored feeds (the bundled snapshot when none); ranked by risk')
    .option('--dpkg-status <file>').option('--rpm-qa <file>').option('--apk-installed <file>')
    .option('--sbom <file>', 'CycloneDX or SPDX JSON').option('--lockfile <file>', 'package-lock.json, requirements.txt or poetry.lock')
    .option('--ecosystem <name>', 'ecosystem of a package database, e.g. Debian:12 (default: this host\'s)')
    .option('--name <asset>', 'name to show for the scanned target')
    .option('--db <file-or-url>', 'SQLite file or postgres:// URL (default ./data/patchloop.db)')
    .option('--feed <path>', 'also use this feed file/directory for this run (repeatable)', collect, [])
    .option('--vex <file>', 'apply an OpenVEX or CycloneDX VEX document (repeatable)', collect, [])
    .option('--policy <file>', 'risk policy JSON: cvssPrecedence, epssPocThreshold, sla ("ssvc", "severity" or a matrix), rules (docs/risk-policy.md); also PATCHLOOP_POLICY')
    .option('--criticality <1-5>', 'asset criticality for SSVC and priority (default 3)')
    .option('--exposure <exposure>', 'internet | internal | isolated (default internal)')
    .option('--json', 'the full report as JSON (schema: docs/scan-json.md)')
    .option('--sarif', 'SARIF 2.1.0 for code-scanning UIs')
    .option('--csv', 'CSV, one row per finding')
    .option('--limit <n>', 'rows in the terminal table', '30')
    .option('--fail-on <level>', 'exit 1 when a finding reaches this SSVC outcome (track, track*, attend, act) or CVSS severity (low, medium, high, critical), or kev')
    .action(async (o: ScanFlags) => {
      const failOn = o.failOn === undefined ? undefined : parseFailOn(o.failOn);
      const report = await runScan(o);
      if (o.json) printJson(report);
      else if (o.sarif) printJson(toSarif(report, o.dpkgStatus ?? o.rpmQa ?? o.apkInstalled ?? o.sbom ?? o.lockfile ?? report.target.name));
      else if (o.csv) process.stdout.write(toCsv(report));
      else printScanTable(report, Number(o.limit) || 30);
      mark('printed');
      if (failOn && failOnMatches(report, failOn)) process.exitCode = EXIT.findings;
    });
}

/** PATCHLOOP_TIMINGS=1: milliseconds since process start at each phase, on stderr (for benchmarks). */
const mark = process.env.PATCHLOOP_TIMINGS === '1' ? (phase: string) => process.stderr.write(`timing ${phase} ${performance.now().toFixed(1)}\n`) : () => undefined;

async function runScan(o: ScanFlags): Promise<ScanReport> {
  const progress = process.stderr.isTTY && !o.json ? (m: string) => process.stderr.write(`\r\x1b[2K${m}...`) : () => undefined;
  mark('scan command');
  progress('reading inventory');
  const snapshot = await inventoryOf(o);
  mark('inventory read');
  const store = await openMigratedStore(o);
  mark('store open');
  try {
    if ((await store.feeds.listSourceStatus()).every((s) => !s.activeVersionId)) {
      await importSnapshot(store, (line) => process.stderr.write(`${process.stderr.isTTY ? '\r\x1b[2K' : ''}${line}\n`));
    }
    const { scanInventory } = await import('@patchloop/server/scan');
    const policy = await readRiskPolicy(o.policy);
    mark('scan loaded');
    const report = await scanInventory(store, { snapshot, extraFeeds: o.feed, vexFiles: o.vex, nowIso: new Date().toISOString(), onProgress: progress, asset: assetContext(o), ...(policy ? { policy } : {}) });
    mark('scanned');
    if (process.stderr.isTTY && !o.json) process.stderr.write('\r\x1b[2K');
    return report;
  } finally {
    await store.close();
  }
}

async function inventoryOf(o: ScanFlags): Promise<InventorySnapshot> {
  const given: [PackageDbKind | undefined, string | undefined][] = [['dpkg-status', o.dpkgStatus], ['rpm-qa', o.rpmQa], ['apk-installed', o.apkInstalled], [undefined, o.sbom], [undefined, o.lockfile]];
  const files = given.filter(([, f]) => f !== undefined);
  if (files.length > 1) throw invalidInput('E_USAGE', 'scan one input at a time: give at most one of --dpkg-status, --rpm-qa, --apk-installed, --sbom, --lockfile');
  const [format, file] = files[0] ?? [];
  // The host collector and the package-database readers come without the SBOM/lockfile parsers and their schemas.
  const host = await import('@patchloop/inventory/host');
  if (!file) return host.collectHostInventory();
  if (!format) return (await import('@patchloop/inventory')).readInventoryFile(file, { ...(o.ecosystem ? { ecosystem: o.ecosystem } : {}), ...(o.name ? { assetName: o.name } : {}) });
  const ecosystem = o.ecosystem ?? (await hostEcosystem(host));
  return host.readPackageDbFile(file, format, { ...(ecosystem ? { ecosystem } : {}), ...(o.name ? { assetName: o.name } : {}) });
}

async function hostEcosystem(inv: typeof import('@patchloop/inventory/host')): Promise<string | undefined> {
  const { readFile } = await import('node:fs/promises');
  const text = await readFile('/etc/os-release', 'utf8').catch(() => undefined);
  return text === undefined ? undefined : inv.ecosystemForOs(inv.parseOsInfo(text, { file: '/etc/os-release' }));
}

function assetContext(o: ScanFlags): { criticality?: Criticality; exposure?: Exposure } {
  const out: { criticality?: Criticality; exposure?: Exposure } = {};
  if (o.criticality !== undefined) {
    const c = Number(o.criticality);
    if (![1, 2, 3, 4, 5].includes(c)) throw invalidInput('E_USAGE', `--criticality must be 1-5, got "${o.criticality}"`, { field: '--criticality' });
    out.criticality = c as Criticality;
  }
  if (o.exposure !== undefined) {
    if (!['internet', 'internal', 'isolated'].includes(o.exposure)) throw invalidInput('E_USAGE', `--exposure must be internet, internal or isolated, got "${o.exposure}"`, { field: '--exposure' });
    out.exposure = o.exposure as Exposure;
  }
  return out;
}
