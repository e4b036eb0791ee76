import { invalidInput, type InventorySnapshot } from '@patchloop/core';
import type { PackageDbKind } from './host/package-db.js';
import { MAX_INVENTORY_FILE_BYTES, packageDbSnapshot, readInventoryFileText } from './host/package-db-file.js';
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

export { MAX_INVENTORY_FILE_BYTES };

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
  return parseInventoryText(await readInventoryFileText(path), { ...opts, file: path });
}

function isPackageDb(format: InventoryFormat): format is PackageDbKind {
  return format === 'dpkg-status' || format === 'rpm-qa' || format === 'apk-installed';
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
