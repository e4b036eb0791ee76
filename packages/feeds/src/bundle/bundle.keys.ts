import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import { DomainError } from '@patchloop/core';
import { E_BUNDLE_KEY_EXISTS, E_BUNDLE_KEY_INVALID } from './bundle.errors.js';

/**
 * Writes a new Ed25519 key pair as PEM (PKCS#8 private, SPKI public). The private key file is
 * created with mode 0600; existing files are never overwritten (E_BUNDLE_KEY_EXISTS).
 *
 * @example
 * await generateBundleKeys({ privatePath: 'bundle.key', publicPath: 'bundle.pub' });
 */
export async function generateBundleKeys({ privatePath, publicPath }: { privatePath: string; publicPath: string }): Promise<void> {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  await writeNew(privatePath, privateKey.export({ type: 'pkcs8', format: 'pem' }) as string, 0o600);
  await chmod(privatePath, 0o600);
  await writeNew(publicPath, publicKey.export({ type: 'spki', format: 'pem' }) as string, 0o644);
}

/** Reads an Ed25519 private key (PEM). */
export async function readBundlePrivateKey(path: string): Promise<KeyObject> {
  return ed25519(path, (pem) => createPrivateKey(pem));
}

/** Reads an Ed25519 public key (PEM); a private key file also works (its public half is used). */
export async function readBundlePublicKey(path: string): Promise<KeyObject> {
  return ed25519(path, (pem) => createPublicKey(pem));
}

async function ed25519(path: string, parse: (pem: string) => KeyObject): Promise<KeyObject> {
  let key: KeyObject;
  try {
    key = parse(await readFile(path, 'utf8'));
  } catch (cause) {
    throw new DomainError(E_BUNDLE_KEY_INVALID, 'invalid_input', `cannot read the key: ${(cause as Error).message}`, { cause, location: { file: path } });
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new DomainError(E_BUNDLE_KEY_INVALID, 'invalid_input', `expected an Ed25519 key, got ${key.asymmetricKeyType ?? 'unknown'}`, { location: { file: path } });
  return key;
}

async function writeNew(path: string, text: string, mode: number): Promise<void> {
  try {
    await writeFile(path, text, { mode, flag: 'wx' });
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'EEXIST') throw new DomainError(E_BUNDLE_KEY_EXISTS, 'conflict', 'the key file exists: refusing to overwrite it', { cause, location: { file: path } });
    throw cause;
  }
}
