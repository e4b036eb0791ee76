import { DomainError, invalidInput } from '../errors/domain-error.js';

/** What an agent can be asked to do. Each kind has one argument shape (JobArgsByKind). */
export type JobKind = 'refresh-inventory' | 'install' | 'hold' | 'unhold' | 'rollback' | 'health-check' | 'reboot' | 'script';

export const JOB_KINDS: readonly JobKind[] = ['refresh-inventory', 'install', 'hold', 'unhold', 'rollback', 'health-check', 'reboot', 'script'];

/** One package pinned to an exact version (no ranges, no "latest"). */
export interface PinnedPackage {
  name: string;
  version: string;
}

export interface HttpHealthCheck {
  url: string;
  expectStatus: number;
  timeoutMs: number;
}

/** The argument shape of every job kind. */
export interface JobArgsByKind {
  'refresh-inventory': Record<string, never>;
  install: { packages: PinnedPackage[] };
  hold: { packages: string[] };
  unhold: { packages: string[] };
  rollback: { ofJobId: string; packages: PinnedPackage[] };
  'health-check': { command?: string[]; http?: HttpHealthCheck };
  reboot: Record<string, never>;
  /** Runs only where the host's local agent config allows scripts. */
  script: { shell: string };
}

export type JobArgs = JobArgsByKind[JobKind];

export interface ValidateJobOptions {
  /** Whether the target host's local config allows `script` jobs (default: it does not). */
  hostAllowsScripts?: boolean;
}

const PACKAGE_NAME = /^[A-Za-z0-9][A-Za-z0-9+._:@/-]*$/;
const EXACT_VERSION = /^[A-Za-z0-9][A-Za-z0-9+.~:_-]*$/;
const MAX_SCRIPT_CHARS = 64 * 1024;

/** The job kinds an agent reports, checked (E_JOB_KIND_INVALID names the first unknown one) and de-duplicated in a stable order. */
export function parseAllowedJobKinds(kinds: readonly string[]): JobKind[] {
  const bad = kinds.find((k) => !isJobKind(k));
  if (bad !== undefined) throw invalidInput('E_JOB_KIND_INVALID', `"${bad}" is not a job kind`, { field: 'allowedJobKinds' });
  return [...new Set(kinds as JobKind[])].sort();
}

export function isJobKind(value: unknown): value is JobKind {
  return typeof value === 'string' && (JOB_KINDS as readonly string[]).includes(value);
}

/**
 * Checks a job's kind and arguments; returns the arguments typed by kind or throws
 * E_JOB_ARGS_INVALID (naming the field) / E_JOB_KIND_NOT_ALLOWED.
 * @example validateJobArgs('install', { packages: [{ name: 'openssl', version: '3.0.11-1~deb12u2' }] })
 */
export function validateJobArgs<K extends JobKind>(kind: K, args: unknown, { hostAllowsScripts = false }: ValidateJobOptions = {}): JobArgsByKind[K] {
  if (!isJobKind(kind)) throw invalidInput('E_JOB_ARGS_INVALID', `unknown job kind "${String(kind)}"`, { field: 'kind' });
  if (kind === 'script' && !hostAllowsScripts) {
    throw new DomainError('E_JOB_KIND_NOT_ALLOWED', 'forbidden', 'script jobs run only on hosts whose local config allows scripts', { location: { field: 'kind' } });
  }
  const obj = requireObject(args, 'args');
  VALIDATORS[kind](obj);
  return obj as unknown as JobArgsByKind[K];
}

type Obj = Record<string, unknown>;

const VALIDATORS: Record<JobKind, (a: Obj) => void> = {
  'refresh-inventory': (a) => onlyKeys(a, []),
  reboot: (a) => onlyKeys(a, []),
  install: (a) => {
    onlyKeys(a, ['packages']);
    pinnedPackages(a.packages, 'args.packages');
  },
  hold: (a) => {
    onlyKeys(a, ['packages']);
    packageNames(a.packages, 'args.packages');
  },
  unhold: (a) => {
    onlyKeys(a, ['packages']);
    packageNames(a.packages, 'args.packages');
  },
  rollback: (a) => {
    onlyKeys(a, ['ofJobId', 'packages']);
    nonEmptyString(a.ofJobId, 'args.ofJobId');
    pinnedPackages(a.packages, 'args.packages');
  },
  'health-check': validateHealthCheck,
  script: (a) => {
    onlyKeys(a, ['shell']);
    nonEmptyString(a.shell, 'args.shell');
    if ((a.shell as string).length > MAX_SCRIPT_CHARS) fail('args.shell', `is longer than ${MAX_SCRIPT_CHARS} characters`);
  },
};

function validateHealthCheck(a: Obj): void {
  onlyKeys(a, ['command', 'http']);
  if (a.command === undefined && a.http === undefined) fail('args', 'needs a command or an http check');
  if (a.command !== undefined) {
    if (!Array.isArray(a.command) || a.command.length === 0) fail('args.command', 'must be a non-empty array of strings');
    (a.command as unknown[]).forEach((part, i) => nonEmptyString(part, `args.command[${i}]`));
  }
  if (a.http !== undefined) validateHttpCheck(requireObject(a.http, 'args.http'));
}

function validateHttpCheck(h: Obj): void {
  onlyKeys(h, ['url', 'expectStatus', 'timeoutMs'], 'args.http');
  nonEmptyString(h.url, 'args.http.url');
  if (!/^https?:$/.test(safeProtocol(h.url as string))) fail('args.http.url', 'must be an http or https URL');
  if (!Number.isInteger(h.expectStatus) || (h.expectStatus as number) < 100 || (h.expectStatus as number) > 599) fail('args.http.expectStatus', 'must be an HTTP status (100-599)');
  if (!Number.isInteger(h.timeoutMs) || (h.timeoutMs as number) <= 0 || (h.timeoutMs as number) > 300_000) fail('args.http.timeoutMs', 'must be a whole number of milliseconds, 1-300000');
}

function safeProtocol(url: string): string {
  try {
    return new URL(url).protocol;
  } catch {
    return '';
  }
}

function pinnedPackages(value: unknown, field: string): void {
  if (!Array.isArray(value) || value.length === 0) fail(field, 'must be a non-empty array of {name, version}');
  const seen = new Set<string>();
  (value as unknown[]).forEach((item, i) => {
    const p = requireObject(item, `${field}[${i}]`);
    onlyKeys(p, ['name', 'version'], `${field}[${i}]`);
    packageName(p.name, `${field}[${i}].name`);
    if (typeof p.version !== 'string' || !EXACT_VERSION.test(p.version) || p.version === 'latest') fail(`${field}[${i}].version`, 'must be an exact version (no ranges, wildcards or "latest")');
    if (seen.has(p.name as string)) fail(`${field}[${i}].name`, `lists "${String(p.name)}" twice`);
    seen.add(p.name as string);
  });
}

function packageNames(value: unknown, field: string): void {
  if (!Array.isArray(value) || value.length === 0) fail(field, 'must be a non-empty array of package names');
  (value as unknown[]).forEach((name, i) => packageName(name, `${field}[${i}]`));
}

function packageName(value: unknown, field: string): void {
  if (typeof value !== 'string' || !PACKAGE_NAME.test(value)) fail(field, 'must be a package name');
}

function nonEmptyString(value: unknown, field: string): void {
  if (typeof value !== 'string' || value.trim() === '') fail(field, 'must be a non-empty string');
}

function requireObject(value: unknown, field: string): Obj {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(field, 'must be an object');
  return value as Obj;
}

function onlyKeys(obj: Obj, allowed: readonly string[], field = 'args'): void {
  const extra = Object.keys(obj).find((k) => !allowed.includes(k));
  if (extra !== undefined) fail(`${field}.${extra}`, 'is not a known argument');
}

function fail(field: string, problem: string): never {
  throw invalidInput('E_JOB_ARGS_INVALID', `${field} ${problem}`, { field });
}
