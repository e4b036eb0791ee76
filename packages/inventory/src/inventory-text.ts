import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { DomainError, invalidInput, type InventorySnapshot } from '@patchloop/core';
import { parseTextWith, type PackageDbKind } from './host/package-db.js';
import { packageDbFormats } from './host/package-db.registry.js';
import { parseApplicationFile } from './application/application-registry.js';
import type { ApplicationFormat } from './application/application-parser.js';

/** Every inventory input Patchloop reads: package databases and application SBOMs/lockfiles. */
export type InventoryFormat = PackageDbKind | ApplicationFormat;

export const INVENTORY_FORMATS: readonly InventoryFormat[] = ['dpkg-status', 'rpm-qa', 'apk-installed', 'cyclonedx', 'spdx', 'npm-lock', 'requirements', 'poetry-lock'];

export interface InventoryTextOptions {
  /** Given, or detected from the content. */
  format?: InventoryFormat;
  /** Name used in error messages and as the last-resort asset name. */
  file?: string;
  /** Asset name; wins over one found in the document. */
  assetName?: string;
  /** Ecosystem of a package database ("Debian:12"); required for dpkg-status, rpm-qa, apk-installed. */
  ecosystem?: string;
}

/** Largest inventory file read (a big dpkg status is ~5 MB, a big SBOM tens of MB). */
export const MAX_INVENTORY_FILE_BYTES = 256 * 1024 * 1024;

/**
 * Parses any inventory text into a snapshot. Nothing partial: a malformed input throws a
 * DomainError naming the file and line or field.
 * @example parseInventoryText(text, { file: 'status', format: 'dpkg-status', ecosystem: 'Debian:12', assetName: 'web-1' })
 */
export function parseInventoryText(text: string, opts: InventoryTextOptions = {}): InventorySnapshot {
  const format = opts.format ?? detectPackageDb(text);
  if (format !== undefined && !INVENTORY_FORMATS.includes(format)) {
    throw invalidInput('E_FORMAT_UNKNOWN', `format "${format}" is not one of ${INVENTORY_FORMATS.join(', ')}`, { field: 'format' });
  }
  if (format === undefined || !isPackageDb(format)) {
    return parseApplicationFile(text, { ...(opts.file ? { file: opts.file } : {}), ...(format ? { format } : {}), ...(opts.assetName ? { assetName: opts.assetName } : {}) });
  }
  return packageDbSnapshot(format, text, opts);
}

/** Reads a file (size-limited) and parses it with parseInventoryText. */
export async function readInventoryFile(path: string, opts: Omit<InventoryTextOptions, 'file'> = {}): Promise<InventorySnapshot> {
  const size = await stat(path).then((s) => s.size).catch((cause: unknown) => {
    throw new DomainError('E_INVENTORY_FILE_UNREADABLE', 'not_found', `cannot read file: ${(cause as Error).message}`, { cause, location: { file: path } });
  });
  if (size > MAX_INVENTORY_FILE_BYTES) throw new DomainError('E_INVENTORY_FILE_TOO_LARGE', 'too_large', `file is ${size} bytes; the limit is ${MAX_INVENTORY_FILE_BYTES}`, { location: { file: path } });
  return parseInventoryText(await readFile(path, 'utf8'), { ...opts, file: path });
}

function isPackageDb(format: InventoryFormat): format is PackageDbKind {
  return format === 'dpkg-status' || format === 'rpm-qa' || format === 'apk-installed';
}

function packageDbSnapshot(format: PackageDbKind, text: string, opts: InventoryTextOptions): InventorySnapshot {
  if (!opts.ecosystem) {
    throw invalidInput('E_ECOSYSTEM_REQUIRED', `a ${format} file does not say which OS release it is from: give the ecosystem, e.g. Debian:12, Rocky Linux:9, Alpine:v3.19`, { field: 'ecosystem', ...(opts.file ? { file: opts.file } : {}) });
  }
  const result = parseTextWith(packageDbFormats[format], text, { ecosystem: opts.ecosystem, ...(opts.file ? { file: opts.file } : {}) });
  const name = opts.assetName ?? (opts.file ? basename(opts.file) : undefined);
  if (!name) throw invalidInput('E_ASSET_NAME_REQUIRED', `a ${format} file does not name its host: give the asset name`, { field: 'name' });
  return { asset: { kind: 'host', name, source: `import:${format}` }, packages: result.packages, warnings: result.warnings };
}

/** Package databases have distinctive first records; SBOMs and lockfiles are left to their own detectors. */
function detectPackageDb(text: string): PackageDbKind | undefined {
  const head = text.slice(0, 4096);
  if (/^Package: /m.test(head) && /^Status: /m.test(head)) return 'dpkg-status';
  if (/^P:/m.test(head) && /^V:/m.test(head) && /^C:/m.test(head)) return 'apk-installed';
  const first = head.split('\n', 1)[0] ?? '';
  if (first.split('\t').length === 6 && /\.(src|nosrc)\.rpm$|\t\(none\)$/.test(first)) return 'rpm-qa';
  return undefined;
}
