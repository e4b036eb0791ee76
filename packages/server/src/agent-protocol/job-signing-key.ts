import { createPrivateKey, createPublicKey } from 'node:crypto';
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { DomainError } from '@patchloop/core';
import { generateJobSigningKeyPair, type Store } from '@patchloop/store';

/** The server's Ed25519 job-signing key: agents pin the public half at enrollment. */
export interface JobSigningKey {
  privateKeyPem: string;
  publicKeyPem: string;
  /** Where it came from, for the start-up log. */
  origin: string;
}

/** A key given directly (tests, embedding), or where to find it. */
export type JobSigningKeySource = { privateKeyPem: string } | { path: string };

export const JOB_SIGNING_KEY_ENV = 'PATCHLOOP_JOB_SIGNING_KEY';
export const JOB_SIGNING_KEY_FILE = 'job-signing-key.pem';

/**
 * Resolves the job-signing key, in this order: the given source; the PEM file named by
 * PATCHLOOP_JOB_SIGNING_KEY; job-signing-key.pem next to the SQLite file (generated, mode 0600,
 * on first start). On PostgreSQL (or in-memory SQLite) without a configured key it returns
 * undefined: replicas must share one key, so none is invented per replica.
 * @example const key = await resolveJobSigningKey({ store, env: process.env });
 */
export async function resolveJobSigningKey({ store, source, env = process.env }: { store: Store; source?: JobSigningKeySource; env?: NodeJS.ProcessEnv }): Promise<JobSigningKey | undefined> {
  if (source && 'privateKeyPem' in source) return keyFromPem(source.privateKeyPem, 'given');
  const path = source?.path ?? env[JOB_SIGNING_KEY_ENV];
  if (path) return readJobSigningKeyFile(path);
  const dbFile = await sqliteFileOf(store);
  return dbFile ? loadOrCreateJobSigningKeyFile(join(dirname(dbFile), JOB_SIGNING_KEY_FILE)) : undefined;
}

/** Reads a PEM private key file that only its owner may read (like ssh, refuses group/other access). */
export function readJobSigningKeyFile(path: string): JobSigningKey {
  const mode = statOrThrow(path).mode & 0o777;
  if ((mode & 0o077) !== 0) {
    throw new DomainError('E_JOB_SIGNING_KEY_PERMISSIONS', 'unavailable', `${path} is readable by others (mode ${mode.toString(8)}); run chmod 600 ${path}`);
  }
  return keyFromPem(readFileSync(path, 'utf8'), resolve(path));
}

/** Reads the key file, or creates it (exclusive create, mode 0600) when it does not exist yet. */
export function loadOrCreateJobSigningKeyFile(path: string): JobSigningKey {
  try {
    const { privateKeyPem } = generateJobSigningKeyPair();
    writeFileSync(path, privateKeyPem, { mode: 0o600, flag: 'wx' });
    chmodSync(path, 0o600); // the umask cannot widen it, but a pre-set umask could narrow the create mode oddly
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw new Error(`create job signing key ${path}`, { cause: e });
  }
  return readJobSigningKeyFile(path);
}

function keyFromPem(privateKeyPem: string, origin: string): JobSigningKey {
  let key;
  try {
    key = createPrivateKey(privateKeyPem);
  } catch (cause) {
    throw new DomainError('E_JOB_SIGNING_KEY_INVALID', 'unavailable', `job signing key (${origin}) is not a PEM private key`, { cause });
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new DomainError('E_JOB_SIGNING_KEY_INVALID', 'unavailable', `job signing key (${origin}) is ${key.asymmetricKeyType ?? 'symmetric'}, not Ed25519`);
  const publicKeyPem = createPublicKey(key).export({ type: 'spki', format: 'pem' }).toString();
  return { privateKeyPem: key.export({ type: 'pkcs8', format: 'pem' }).toString(), publicKeyPem, origin };
}

function statOrThrow(path: string) {
  try {
    return statSync(path);
  } catch (cause) {
    throw new DomainError('E_JOB_SIGNING_KEY_MISSING', 'unavailable', `job signing key file ${path} cannot be read`, { cause });
  }
}

/** The main database file of a SQLite store; undefined on PostgreSQL or in memory. */
async function sqliteFileOf(store: Store): Promise<string | undefined> {
  if (store.engine !== 'sqlite') return undefined;
  // pragma_database_list is SQLite's table-valued form of PRAGMA database_list; file is '' in memory.
  const row = await store.db.withTables<{ pragma_database_list: { name: string; file: string } }>()
    .selectFrom('pragma_database_list').select('file').where('name', '=', 'main').executeTakeFirst();
  return row?.file ? row.file : undefined;
}
