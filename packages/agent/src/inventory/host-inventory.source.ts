import { release } from 'node:os';
import type { InstalledPackage, KernelInfo, OsInfo } from '@patchloop/core';

/** What the agent reports about its host at a check-in. */
export interface HostFacts {
  hostname: string;
  os?: OsInfo;
  arch?: string;
  addresses: string[];
  kernel: { running: string; installed: string[] };
  rebootRequired: boolean;
  packages: InstalledPackage[];
}

/** Where host facts come from: this machine in production, a scripted host in tests. */
export interface InventorySource {
  collect(): Promise<HostFacts>;
}

/**
 * This host, through @patchloop/inventory's collector (dpkg status, rpm, apk; kernels; reboot flag).
 * @example const facts = await new LocalHostInventorySource().collect();
 */
export class LocalHostInventorySource implements InventorySource {
  constructor(private readonly root = '/') {}

  async collect(): Promise<HostFacts> {
    const { collectHostInventory } = await import('@patchloop/inventory/host');
    const snapshot = await collectHostInventory({ root: this.root });
    const a = snapshot.asset;
    return {
      hostname: a.name,
      ...(a.os ? { os: a.os } : {}),
      ...(a.arch ? { arch: a.arch } : {}),
      addresses: a.addresses ?? [],
      kernel: kernelFacts(a.kernel),
      rebootRequired: a.rebootRequired ?? false,
      packages: snapshot.packages,
    };
  }
}

function kernelFacts(kernel: KernelInfo | undefined): HostFacts['kernel'] {
  return { running: kernel?.running ?? release(), installed: (kernel?.installed ?? []).slice(0, 100) };
}
