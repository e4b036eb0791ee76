import type { Command } from 'commander';
import { invalidInput, type InventorySnapshot } from '@patchloop/core';
import { readFile } from 'node:fs/promises';
import type { InventoryFormat } from '@patchloop/inventory';
import { printJson, printTable } from '../output.js';

interface InventoryFlags {
  json?: boolean;
  dpkgStatus?: string;
  rpmQa?: string;
  apkInstalled?: string;
  ecosystem?: string;
  name?: string;
}

/** patchloop inventory: this host's inventory, or a package database file's. Nothing is stored. */
export function registerInventoryCommand(program: Command): void {
  program
    .command('inventory')
    .description("print this host's inventory (OS, kernel, reboot, packages), or parse a package database file")
    .option('--dpkg-status <file>', 'parse a dpkg status file (e.g. /var/lib/dpkg/status)')
    .option('--rpm-qa <file>', 'parse `rpm -qa --queryformat` output (see the README for the format)')
    .option('--apk-installed <file>', 'parse an Alpine /lib/apk/db/installed')
    .option('--ecosystem <name>', 'ecosystem for a parsed file, e.g. Debian:12 (default: this host\'s)')
    .option('--name <asset>', 'asset name for a parsed file (default: the file name)')
    .option('--json', 'print the full inventory as JSON')
    .action(async (opts: InventoryFlags) => {
      const snapshot = await inventoryFor(opts);
      if (opts.json) printJson(snapshot);
      else printSummary(snapshot);
    });
}

async function inventoryFor(opts: InventoryFlags): Promise<InventorySnapshot> {
  const files: [InventoryFormat, string | undefined][] = [['dpkg-status', opts.dpkgStatus], ['rpm-qa', opts.rpmQa], ['apk-installed', opts.apkInstalled]];
  const given = files.filter(([, f]) => f !== undefined);
  if (given.length > 1) throw invalidInput('E_USAGE', 'give at most one of --dpkg-status, --rpm-qa, --apk-installed');
  const [format, file] = given[0] ?? [];
  const { collectHostInventory, readInventoryFile } = await import('@patchloop/inventory');
  if (!format || !file) return collectHostInventory();
  const ecosystem = opts.ecosystem ?? (await thisHostEcosystem());
  return readInventoryFile(file, { format, ...(ecosystem ? { ecosystem } : {}), ...(opts.name ? { assetName: opts.name } : {}) });
}

/** The ecosystem of the machine we run on (from /etc/os-release), used when --ecosystem is not given. */
async function thisHostEcosystem(): Promise<string | undefined> {
  const text = await readFile('/etc/os-release', 'utf8').catch(() => undefined);
  const { ecosystemForOs, parseOsInfo } = await import('@patchloop/inventory');
  return text === undefined ? undefined : ecosystemForOs(parseOsInfo(text, { file: '/etc/os-release' }));
}

function printSummary(s: InventorySnapshot): void {
  const a = s.asset;
  printTable(['field', 'value'], [
    ['name', a.name],
    ['kind', a.kind],
    ['os', a.os ? `${a.os.name} ${a.os.version ?? ''} ${a.os.codename ? `(${a.os.codename})` : ''}`.trim() : undefined],
    ['arch', a.arch],
    ['kernel running', a.kernel?.running],
    ['kernels installed', a.kernel?.installed.join(', ')],
    ['reboot required', a.rebootRequired === undefined ? undefined : String(a.rebootRequired)],
    ['packages', s.packages.length],
    ['ecosystems', [...new Set(s.packages.map((p) => p.ecosystem))].join(', ')],
  ]);
  for (const w of s.warnings.slice(0, 10)) console.error(`warning: ${w}`);
  if (s.warnings.length > 10) console.error(`... and ${s.warnings.length - 10} more warnings (see --json)`);
}
