import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isDomainError } from '../errors/domain-error.js';
import { validateJobArgs, type JobKind } from './job-kinds.js';

const PKG = { name: 'openssl', version: '3.0.11-1~deb12u2' };

describe('validateJobArgs', () => {
  const cases: { name: string; kind: string; args: unknown; scripts?: boolean; code?: string; kind_?: string; field?: string }[] = [
    { name: 'refresh-inventory takes {}', kind: 'refresh-inventory', args: {} },
    { name: 'install with exact versions', kind: 'install', args: { packages: [PKG, { name: 'libssl3:amd64', version: '1:3.0.11+dfsg-1' }] } },
    { name: 'hold by name', kind: 'hold', args: { packages: ['openssl'] } },
    { name: 'unhold by name', kind: 'unhold', args: { packages: ['openssl'] } },
    { name: 'rollback names the job and the versions', kind: 'rollback', args: { ofJobId: '019ac1f0-6b2a-7c3d-8e4f-0a1b2c3d4e5f', packages: [PKG] } },
    { name: 'health-check by command', kind: 'health-check', args: { command: ['systemctl', 'is-active', 'nginx'] } },
    { name: 'health-check by http', kind: 'health-check', args: { http: { url: 'http://127.0.0.1:8080/healthz', expectStatus: 200, timeoutMs: 5000 } } },
    { name: 'reboot takes {}', kind: 'reboot', args: {} },
    { name: 'script where the host allows scripts', kind: 'script', args: { shell: 'apt-get clean' }, scripts: true },
    { name: 'script where the host does not', kind: 'script', args: { shell: 'apt-get clean' }, code: 'E_JOB_KIND_NOT_ALLOWED', kind_: 'forbidden', field: 'kind' },
    { name: 'unknown kind', kind: 'format-disk', args: {}, code: 'E_JOB_ARGS_INVALID', field: 'kind' },
    { name: 'args not an object', kind: 'reboot', args: [], code: 'E_JOB_ARGS_INVALID', field: 'args' },
    { name: 'reboot with an argument', kind: 'reboot', args: { force: true }, code: 'E_JOB_ARGS_INVALID', field: 'args.force' },
    { name: 'install without packages', kind: 'install', args: { packages: [] }, code: 'E_JOB_ARGS_INVALID', field: 'args.packages' },
    { name: 'install with a range', kind: 'install', args: { packages: [{ name: 'openssl', version: '>=3.0' }] }, code: 'E_JOB_ARGS_INVALID', field: 'args.packages[0].version' },
    { name: 'install with "latest"', kind: 'install', args: { packages: [{ name: 'openssl', version: 'latest' }] }, code: 'E_JOB_ARGS_INVALID', field: 'args.packages[0].version' },
    { name: 'install with a wildcard', kind: 'install', args: { packages: [{ name: 'openssl', version: '3.*' }] }, code: 'E_JOB_ARGS_INVALID', field: 'args.packages[0].version' },
    { name: 'install with a bad name', kind: 'install', args: { packages: [PKG, { name: '-rf /', version: '1' }] }, code: 'E_JOB_ARGS_INVALID', field: 'args.packages[1].name' },
    { name: 'install listing a package twice', kind: 'install', args: { packages: [PKG, PKG] }, code: 'E_JOB_ARGS_INVALID', field: 'args.packages[1].name' },
    { name: 'install package with an extra field', kind: 'install', args: { packages: [{ ...PKG, arch: 'amd64' }] }, code: 'E_JOB_ARGS_INVALID', field: 'args.packages[0].arch' },
    { name: 'hold with a non-string', kind: 'hold', args: { packages: [1] }, code: 'E_JOB_ARGS_INVALID', field: 'args.packages[0]' },
    { name: 'rollback without the job', kind: 'rollback', args: { packages: [PKG] }, code: 'E_JOB_ARGS_INVALID', field: 'args.ofJobId' },
    { name: 'health-check with nothing to check', kind: 'health-check', args: {}, code: 'E_JOB_ARGS_INVALID', field: 'args' },
    { name: 'health-check with an empty command', kind: 'health-check', args: { command: [] }, code: 'E_JOB_ARGS_INVALID', field: 'args.command' },
    { name: 'health-check with a non-http url', kind: 'health-check', args: { http: { url: 'file:///etc/passwd', expectStatus: 200, timeoutMs: 100 } }, code: 'E_JOB_ARGS_INVALID', field: 'args.http.url' },
    { name: 'health-check with a bad status', kind: 'health-check', args: { http: { url: 'https://x.example', expectStatus: 2000, timeoutMs: 100 } }, code: 'E_JOB_ARGS_INVALID', field: 'args.http.expectStatus' },
    { name: 'health-check with no timeout', kind: 'health-check', args: { http: { url: 'https://x.example', expectStatus: 200 } }, code: 'E_JOB_ARGS_INVALID', field: 'args.http.timeoutMs' },
    { name: 'script with an empty shell', kind: 'script', args: { shell: ' ' }, scripts: true, code: 'E_JOB_ARGS_INVALID', field: 'args.shell' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const run = () => validateJobArgs(c.kind as JobKind, c.args, { hostAllowsScripts: c.scripts ?? false });
      if (c.code === undefined) return assert.deepEqual(run(), c.args);
      assert.throws(run, (e: unknown) => {
        assert.ok(isDomainError(e));
        assert.equal(e.code, c.code);
        assert.equal(e.kind, c.kind_ ?? 'invalid_input');
        assert.equal(e.location?.field, c.field);
        return true;
      });
    });
  }
});
