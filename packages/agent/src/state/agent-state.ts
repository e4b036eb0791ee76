import { chmod, mkdir, open, readFile, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DomainError, type InstalledPackage } from '@patchloop/core';

/** What the agent keeps between runs. Holds the agent secret: the file is 0600 in a 0700 directory. */
export interface AgentState {
  serverUrl: string;
  agentId: string;
  secret: string;
  assetId: string;
  /** The server's Ed25519 public key, taken once at enrollment; every job must verify with it. */
  pinnedPublicKeyPem: string;
  /** The package list the server last accepted (the base of the next delta); absent = send full. */
  lastAcceptedInventory?: InstalledPackage[];
  /** Set before a job starts and cleared when it is reported: still set at start-up = restarted mid-job. */
  runningJobId?: string;
  /** The server asked for (or a job requires) a full inventory on the next check-in. */
  fullInventoryNext?: boolean;
}

export const DEFAULT_STATE_DIR = '/var/lib/patchloop-agent';
export const STATE_FILE_NAME = 'agent-state.json';

export function stateFilePath(stateDir: string): string {
  return join(stateDir, STATE_FILE_NAME);
}

/**
 * Reads the state, or undefined before enrollment. A state file others can read is refused
 * (it holds the agent secret), like ssh refuses a readable private key.
 * @example const state = await readAgentState('/var/lib/patchloop-agent');
 */
export async function readAgentState(stateDir: string): Promise<AgentState | undefined> {
  const file = stateFilePath(stateDir);
  let text: string;
  try {
    const st = await stat(file);
    if ((st.mode & 0o077) !== 0) throw stateError(file, `is readable by others (mode ${(st.mode & 0o777).toString(8)}): chmod 600 it`);
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  return parseAgentState(text, file);
}

/**
 * Writes the state atomically (temporary file, fsync, rename) with mode 0600.
 * @example await writeAgentState(dir, { ...state, runningJobId: job.id });
 */
export async function writeAgentState(stateDir: string, state: AgentState): Promise<void> {
  await mkdir(stateDir, { recursive: true, mode: 0o700 });
  const file = stateFilePath(stateDir);
  const tmp = `${file}.${process.pid}.tmp`;
  const handle = await open(tmp, 'w', 0o600);
  try {
    await handle.writeFile(`${JSON.stringify(state, null, 2)}\n`, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  await chmod(tmp, 0o600);
  await rename(tmp, file);
}

function parseAgentState(text: string, file: string): AgentState {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw stateError(file, 'is not JSON', cause);
  }
  const v = value as Record<string, unknown>;
  for (const key of ['serverUrl', 'agentId', 'secret', 'assetId', 'pinnedPublicKeyPem'] as const) {
    if (typeof v?.[key] !== 'string' || v[key] === '') throw stateError(file, `has no ${key}`);
  }
  if (v.lastAcceptedInventory !== undefined && !Array.isArray(v.lastAcceptedInventory)) throw stateError(file, 'has a lastAcceptedInventory that is not a list');
  if (v.runningJobId !== undefined && typeof v.runningJobId !== 'string') throw stateError(file, 'has a runningJobId that is not a string');
  return value as AgentState;
}

function stateError(file: string, problem: string, cause?: unknown): DomainError {
  return new DomainError('E_AGENT_STATE_INVALID', 'invalid_input', `agent state ${file} ${problem}`, { location: { file }, ...(cause ? { cause } : {}) });
}
