import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { DomainError, invalidInput, type InventorySnapshot } from '@patchloop/core';
import { parseTextWith, type PackageDbKind } from './package-db.js';
import { packageDbFormats } from './package-db.registry.js';

/** Largest inventory file read (a big dpkg status is ~5 MB, a big SBOM tens of MB). */
export const MAX_INVENTORY_FILE_BYTES = 256 * 1024 * 1024;

/** Options of a package-database snapshot: the OS release, and the asset name (else the file name). */
export interface PackageDbFileOptions {
  ecosystem?: string;
  file?: string;
  assetName?: string;
}

/** Reads a file's text, refusing files over MAX_INVENTORY_FILE_BYTES. */
export async function readInventoryFileText(path: string): Promise<string> {
  const size = await stat(path).then((s) => s.size).catch((cause: unknown) => {
    throw new DomainError('E_INVENTORY_FILE_UNREADABLE', 'not_found', `cannot read file: ${(cause as Error).message}`, { cause, location: { file: path } });
  });
  if (size > MAX_INVENTORY_FILE_BYTES) throw new DomainError('E_INVENTORY_FILE_TOO_LARGE', 'too_large', `file is ${size} bytes; the limit is ${MAX_INVENTORY_FILE_BYTES}`, { location: { file: path } });
  // One buffer decoded once: with an encoding, readFile decodes chunk by chunk into a string that is later copied flat.
  return (await readFile(path)).toString('utf8');
}

/**
 * A package database file (dpkg status, rpm -qa output, apk installed db) as a snapshot, without
 * loading the SBOM and lockfile parsers: what readInventoryFile does for these formats.
 * @example await readPackageDbFile('lagging.status', 'dpkg-status', { ecosystem: 'Debian:12' })
 */
export async function readPackageDbFile(path: string, format: PackageDbKind, opts: Omit<PackageDbFileOptions, 'file'> = {}): Promise<InventorySnapshot> {
  return packageDbSnapshot(format, await readInventoryFileText(path), { ...opts, file: path });
}

/** Parses package-database text into a snapshot; the ecosystem is required, the name defaults to the file's. */
export function packageDbSnapshot(format: PackageDbKind, text: string, opts: PackageDbFileOptions): InventorySnapshot {
  if (!opts.ecosystem) {
    throw invalidInput('E_ECOSYSTEM_REQUIRED', `a ${format} file does not say which OS release it is from: give the ecosystem, e.g. Debian:12, Rocky Linux:9, Alpine:v3.19`, { field: 'ecosystem', ...(opts.file ? { file: opts.file } : {}) });
  }
  const result = parseTextWith(packageDbFormats[format], text, { ecosystem: opts.ecosystem, ...(opts.file ? { file: opts.file } : {}) });
  const name = opts.assetName ?? (opts.file ? basename(opts.file) : undefined);
  if (!name) throw invalidInput('E_ASSET_NAME_REQUIRED', `a ${format} file does not name its host: give the asset name`, { field: 'name' });
  return { asset: { kind: 'host', name, source: `import:${format}` }, packages: result.packages, warnings: result.warnings };
}
