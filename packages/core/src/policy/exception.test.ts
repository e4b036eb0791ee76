import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isDomainError } from '../errors/domain-error.js';
import { applyAcceptances, isAcceptanceActive, validateAcceptance, type RiskAcceptance } from './exception.js';
import { makeFinding } from './testing/make-finding.js';

const BASE: RiskAcceptance = {
  id: 'ra-1',
  vulnerabilityId: 'CVE-2024-0727',
  scope: { kind: 'asset', assetId: 'host-1' },
  reason: 'PKCS12 parsing is not reachable; host is isolated',
  requestedBy: 'alice',
  approvedBy: 'bob',
  requestedAt: '2026-01-01T09:00:00.000Z',
  approvedAt: '2026-01-02T09:00:00.000Z',
  expiresAt: '2026-04-01T00:00:00.000Z',
};
const NOW = '2026-02-01T00:00:00.000Z';

describe('validateAcceptance', () => {
  const cases: { name: string; change: Partial<RiskAcceptance>; now?: string; code?: string; kind?: string; field?: string }[] = [
    { name: 'a valid, approved acceptance', change: {} },
    { name: 'a valid request not yet approved', change: { approvedBy: undefined, approvedAt: undefined } },
    { name: 'group scope', change: { scope: { kind: 'group', group: 'dmz' } } },
    { name: 'all scope', change: { scope: { kind: 'all' } } },
    { name: 'self-approval is refused', change: { approvedBy: 'alice' }, code: 'E_EXCEPTION_SELF_APPROVAL', kind: 'forbidden', field: 'approvedBy' },
    { name: 'self-approval ignoring case and spaces', change: { approvedBy: ' Alice ' }, code: 'E_EXCEPTION_SELF_APPROVAL', kind: 'forbidden', field: 'approvedBy' },
    { name: 'self-approval wins over other problems', change: { approvedBy: 'alice', reason: '' }, code: 'E_EXCEPTION_SELF_APPROVAL', kind: 'forbidden', field: 'approvedBy' },
    { name: 'missing reason', change: { reason: '  ' }, code: 'E_EXCEPTION_INVALID', kind: 'invalid_input', field: 'reason' },
    { name: 'missing vulnerability id', change: { vulnerabilityId: '' }, code: 'E_EXCEPTION_INVALID', field: 'vulnerabilityId' },
    { name: 'expiry in the past', change: {}, now: '2026-05-01T00:00:00.000Z', code: 'E_EXCEPTION_INVALID', field: 'expiresAt' },
    { name: 'expiry equal to approval', change: { expiresAt: '2026-01-02T09:00:00.000Z' }, code: 'E_EXCEPTION_INVALID', field: 'expiresAt' },
    { name: 'expiry before request (not approved)', change: { approvedBy: undefined, approvedAt: undefined, expiresAt: '2025-12-01T00:00:00.000Z' }, code: 'E_EXCEPTION_INVALID', field: 'expiresAt' },
    { name: 'approval before request', change: { approvedAt: '2025-12-31T00:00:00.000Z' }, code: 'E_EXCEPTION_INVALID', field: 'approvedAt' },
    { name: 'approver without approval time', change: { approvedAt: undefined }, code: 'E_EXCEPTION_INVALID', field: 'approvedAt' },
    { name: 'unreadable expiry', change: { expiresAt: 'next spring' }, code: 'E_EXCEPTION_INVALID', field: 'expiresAt' },
    { name: 'asset scope without asset', change: { scope: { kind: 'asset', assetId: '' } }, code: 'E_EXCEPTION_INVALID', field: 'scope' },
    { name: 'group scope without group', change: { scope: { kind: 'group', group: '' } }, code: 'E_EXCEPTION_INVALID', field: 'scope' },
    { name: 'unknown scope kind', change: { scope: { kind: 'tag' } as unknown as RiskAcceptance['scope'] }, code: 'E_EXCEPTION_INVALID', field: 'scope' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const a = { ...BASE, ...c.change };
      if (c.code === undefined) return validateAcceptance(a, { now: c.now ?? NOW });
      assert.throws(() => validateAcceptance(a, { now: c.now ?? NOW }), (e: unknown) => {
        assert.ok(isDomainError(e));
        assert.equal(e.code, c.code);
        if (c.kind) assert.equal(e.kind, c.kind);
        assert.equal(e.location?.field, c.field);
        return true;
      });
    });
  }
});

describe('isAcceptanceActive', () => {
  const cases: { name: string; change: Partial<RiskAcceptance>; at: string; want: boolean }[] = [
    { name: 'approved and within its term', change: {}, at: NOW, want: true },
    { name: 'before approval', change: {}, at: '2026-01-01T12:00:00.000Z', want: false },
    { name: 'at expiry (exclusive)', change: {}, at: BASE.expiresAt, want: false },
    { name: 'after expiry', change: {}, at: '2026-06-01T00:00:00.000Z', want: false },
    { name: 'not approved', change: { approvedBy: undefined, approvedAt: undefined }, at: NOW, want: false },
    { name: 'revoked before now', change: { revokedAt: '2026-01-15T00:00:00.000Z' }, at: NOW, want: false },
    { name: 'revocation scheduled later', change: { revokedAt: '2026-03-01T00:00:00.000Z' }, at: NOW, want: true },
    { name: 'self-approved is never active', change: { approvedBy: 'alice' }, at: NOW, want: false },
  ];
  for (const c of cases) it(c.name, () => assert.equal(isAcceptanceActive({ ...BASE, ...c.change }, c.at), c.want));
});

describe('applyAcceptances', () => {
  const assets = new Map([
    ['host-1', { groups: ['dmz'] }],
    ['host-2', { groups: ['internal'] }],
  ]);
  const pkg = { ecosystem: 'Debian:12', name: 'libssl3', version: '3.0.11-1~deb12u2', sourceName: 'openssl' };
  const onHost1 = makeFinding({ assetId: 'host-1', advisoryId: 'DSA-5678-1', ids: ['CVE-2024-0727', 'DSA-5678-1'], pkg, onSource: true });
  const onHost2 = makeFinding({ assetId: 'host-2', advisoryId: 'CVE-2024-0727', pkg, onSource: true });
  const onHost3 = makeFinding({ assetId: 'host-3', advisoryId: 'CVE-2024-0727', pkg, onSource: true });
  const findings = [onHost1, onHost2, onHost3];

  const cases: { name: string; acceptance: RiskAcceptance; at: string; accepted: string[] }[] = [
    { name: 'asset scope covers that asset only (matched through the CVE alias)', acceptance: BASE, at: NOW, accepted: ['host-1'] },
    { name: 'group scope covers assets of the group', acceptance: { ...BASE, scope: { kind: 'group', group: 'internal' } }, at: NOW, accepted: ['host-2'] },
    { name: 'group scope skips unknown assets', acceptance: { ...BASE, scope: { kind: 'group', group: 'dmz' } }, at: NOW, accepted: ['host-1'] },
    { name: 'all scope covers every asset', acceptance: { ...BASE, scope: { kind: 'all' } }, at: NOW, accepted: ['host-1', 'host-2', 'host-3'] },
    { name: 'vulnerability id compares case-insensitively', acceptance: { ...BASE, vulnerabilityId: 'cve-2024-0727', scope: { kind: 'all' } }, at: NOW, accepted: ['host-1', 'host-2', 'host-3'] },
    { name: 'another vulnerability covers nothing', acceptance: { ...BASE, vulnerabilityId: 'CVE-2023-5678', scope: { kind: 'all' } }, at: NOW, accepted: [] },
    { name: 'expired: the same findings reopen', acceptance: { ...BASE, scope: { kind: 'all' } }, at: '2026-04-01T00:00:00.001Z', accepted: [] },
    { name: 'revoked: findings reopen', acceptance: { ...BASE, scope: { kind: 'all' }, revokedAt: '2026-01-20T00:00:00.000Z' }, at: NOW, accepted: [] },
    { name: 'unapproved request does not apply', acceptance: { ...BASE, scope: { kind: 'all' }, approvedBy: undefined, approvedAt: undefined }, at: NOW, accepted: [] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const result = applyAcceptances(findings, assets, [c.acceptance], c.at);
      assert.deepEqual(result.accepted.map((x) => x.finding.assetId), c.accepted);
      assert.equal(result.kept.length + result.accepted.length, findings.length);
    });
  }

  it('the same finding is accepted before expiry and kept after it', () => {
    const before = applyAcceptances([onHost1], assets, [BASE], '2026-03-31T23:59:59.999Z');
    const after = applyAcceptances([onHost1], assets, [BASE], '2026-04-01T00:00:00.000Z');
    assert.deepEqual([before.accepted.length, before.kept.length], [1, 0]);
    assert.deepEqual(after.kept, [onHost1]);
  });

  it('reports the covering acceptance that expires last', () => {
    const later = { ...BASE, id: 'ra-2', expiresAt: '2026-09-01T00:00:00.000Z' };
    const result = applyAcceptances([onHost1], assets, [BASE, later], NOW);
    assert.equal(result.accepted[0]?.acceptance.id, 'ra-2');
  });
});
