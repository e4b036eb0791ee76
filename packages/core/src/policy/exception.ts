import { DomainError, type ErrorCode } from '../errors/domain-error.js';
import type { Asset } from '../inventory/asset.js';
import type { Finding } from '../match/finding.js';
import { vulnerabilityKey } from './vex-match.js';

/** Which findings of the vulnerability an acceptance covers. */
export type AcceptanceScope = { kind: 'asset'; assetId: string } | { kind: 'group'; group: string } | { kind: 'all' };

/**
 * A risk acceptance (exception): a decision to live with a vulnerability for a while.
 * Times are ISO-8601 strings. It applies only once approved by someone other than the requester,
 * and stops applying at `expiresAt` or `revokedAt`, so the findings reopen on their own.
 */
export interface RiskAcceptance {
  id: string;
  vulnerabilityId: string;
  scope: AcceptanceScope;
  reason: string;
  requestedBy: string;
  approvedBy?: string;
  requestedAt: string;
  approvedAt?: string;
  expiresAt: string;
  revokedAt?: string;
}

/** The acceptance is malformed (missing reason, unknown scope, dates out of order, expired ...). */
export const E_EXCEPTION_INVALID: ErrorCode = 'E_EXCEPTION_INVALID';
/** The approver is the requester: four eyes are required. */
export const E_EXCEPTION_SELF_APPROVAL: ErrorCode = 'E_EXCEPTION_SELF_APPROVAL';

/** One problem of an acceptance, with the field it is about. */
export interface AcceptanceProblem {
  code: ErrorCode;
  field: string;
  message: string;
}

const blank = (s: string | undefined): boolean => s === undefined || s.trim() === '';
const time = (s: string | undefined): number => (s === undefined ? Number.NaN : Date.parse(s));

function requiredTextProblems(a: RiskAcceptance): AcceptanceProblem[] {
  const fields = ['id', 'vulnerabilityId', 'reason', 'requestedBy'] as const;
  return fields.filter((f) => blank(a[f])).map((field) => ({ code: E_EXCEPTION_INVALID, field, message: `${field} is required` }));
}

function scopeProblems(scope: AcceptanceScope | undefined): AcceptanceProblem[] {
  const problem = (message: string): AcceptanceProblem[] => [{ code: E_EXCEPTION_INVALID, field: 'scope', message }];
  if (scope?.kind === 'asset') return blank(scope.assetId) ? problem('an asset scope needs an assetId') : [];
  if (scope?.kind === 'group') return blank(scope.group) ? problem('a group scope needs a group') : [];
  if (scope?.kind === 'all') return [];
  return problem(`scope kind must be asset, group or all`);
}

function dateProblems(a: RiskAcceptance): AcceptanceProblem[] {
  const fields = ['requestedAt', 'approvedAt', 'expiresAt', 'revokedAt'] as const;
  return fields
    .filter((f) => (f === 'requestedAt' || f === 'expiresAt' || a[f] !== undefined) && Number.isNaN(time(a[f])))
    .map((field) => ({ code: E_EXCEPTION_INVALID, field, message: `${field} must be an ISO-8601 date-time, got ${JSON.stringify(a[field] ?? null)}` }));
}

function approvalProblems(a: RiskAcceptance): AcceptanceProblem[] {
  const out: AcceptanceProblem[] = [];
  if (blank(a.approvedBy) !== blank(a.approvedAt)) {
    out.push({ code: E_EXCEPTION_INVALID, field: blank(a.approvedBy) ? 'approvedBy' : 'approvedAt', message: 'approvedBy and approvedAt go together' });
  }
  if (!blank(a.approvedBy) && a.approvedBy?.trim().toLowerCase() === a.requestedBy?.trim().toLowerCase()) {
    out.push({ code: E_EXCEPTION_SELF_APPROVAL, field: 'approvedBy', message: `${a.approvedBy} requested this acceptance and cannot approve it` });
  }
  return out;
}

function orderProblems(a: RiskAcceptance, nowIso: string | undefined): AcceptanceProblem[] {
  const requested = time(a.requestedAt);
  const approved = time(a.approvedAt);
  const expires = time(a.expiresAt);
  const now = time(nowIso);
  // Comparisons with NaN (a date that is absent or unreadable) are false: dateProblems reports those.
  const checks: [boolean, string, string][] = [
    [approved < requested, 'approvedAt', `approval ${a.approvedAt} is before the request ${a.requestedAt}`],
    [expires <= requested, 'expiresAt', `expiry ${a.expiresAt} is not after the request ${a.requestedAt}`],
    [expires <= approved, 'expiresAt', `expiry ${a.expiresAt} is not after the approval ${a.approvedAt}`],
    [time(a.revokedAt) < requested, 'revokedAt', `revocation ${a.revokedAt} is before the request ${a.requestedAt}`],
    [expires <= now, 'expiresAt', `expiry ${a.expiresAt} is in the past (now ${nowIso})`],
  ];
  return checks.filter(([bad]) => bad).map(([, field, message]) => ({ code: E_EXCEPTION_INVALID, field, message }));
}

/**
 * Every problem of an acceptance (empty when valid). With `now`, an expiry at or before it is a
 * problem too: use it when an acceptance is created or approved, not when stored ones are read back.
 */
export function listAcceptanceProblems(a: RiskAcceptance, { now }: { now?: string } = {}): AcceptanceProblem[] {
  return [...requiredTextProblems(a), ...scopeProblems(a.scope), ...dateProblems(a), ...approvalProblems(a), ...orderProblems(a, now)];
}

/**
 * Throws a DomainError when the acceptance is not valid: E_EXCEPTION_SELF_APPROVAL (kind forbidden)
 * when the requester approves their own request, else E_EXCEPTION_INVALID (kind invalid_input)
 * naming the first bad field and listing every problem.
 *
 * @example
 * validateAcceptance({ ...acceptance, approvedBy: acceptance.requestedBy }); // throws E_EXCEPTION_SELF_APPROVAL
 */
export function validateAcceptance(a: RiskAcceptance, options: { now?: string } = {}): void {
  const problems = listAcceptanceProblems(a, options);
  const first = problems.find((p) => p.code === E_EXCEPTION_SELF_APPROVAL) ?? problems[0];
  if (first === undefined) return;
  const message = `risk acceptance ${a.id || '(no id)'}: ${problems.map((p) => p.message).join('; ')}`;
  const kind = first.code === E_EXCEPTION_SELF_APPROVAL ? 'forbidden' : 'invalid_input';
  throw new DomainError(first.code, kind, message, { location: { field: first.field } });
}

/**
 * True when the acceptance applies at `nowIso`: valid, approved at or before now, not yet expired
 * (expiresAt is exclusive) and not revoked at or before now.
 */
export function isAcceptanceActive(a: RiskAcceptance, nowIso: string): boolean {
  const now = time(nowIso);
  if (Number.isNaN(now) || listAcceptanceProblems(a).length > 0 || blank(a.approvedBy)) return false;
  if (!(time(a.approvedAt) <= now) || !(now < time(a.expiresAt))) return false;
  return a.revokedAt === undefined || now < time(a.revokedAt);
}

/** True when the scope covers the asset (a group scope needs the asset to be known and in the group). */
export function acceptanceScopeCovers(scope: AcceptanceScope, assetId: string, asset: Pick<Asset, 'groups'> | undefined): boolean {
  if (scope.kind === 'all') return true;
  if (scope.kind === 'asset') return scope.assetId === assetId;
  return asset?.groups.includes(scope.group) ?? false;
}

/** What `applyAcceptances` decided. */
export interface AcceptanceApplication {
  kept: Finding[];
  accepted: { finding: Finding; acceptance: RiskAcceptance }[];
}

/**
 * Sets aside the findings covered by an acceptance active at `nowIso` (vulnerability id or alias,
 * case-insensitive, and scope). Expired, revoked, unapproved or invalid acceptances do not apply,
 * so the same findings are kept again once the acceptance lapses. When several apply, the one
 * expiring last is reported.
 *
 * @example
 * const { kept, accepted } = applyAcceptances(findings, new Map(assets.map((a) => [a.id, a])), acceptances, clock.now());
 */
export function applyAcceptances(
  findings: readonly Finding[],
  assetsById: ReadonlyMap<string, Pick<Asset, 'groups'>>,
  acceptances: readonly RiskAcceptance[],
  nowIso: string,
): AcceptanceApplication {
  const active = indexActive(acceptances, nowIso);
  const result: AcceptanceApplication = { kept: [], accepted: [] };
  for (const finding of findings) {
    const acceptance = coveringAcceptance(finding, assetsById, active);
    if (acceptance === undefined) result.kept.push(finding);
    else result.accepted.push({ finding, acceptance });
  }
  return result;
}

function indexActive(acceptances: readonly RiskAcceptance[], nowIso: string): Map<string, RiskAcceptance[]> {
  const index = new Map<string, RiskAcceptance[]>();
  for (const a of acceptances) {
    if (!isAcceptanceActive(a, nowIso)) continue;
    const key = vulnerabilityKey(a.vulnerabilityId);
    const list = index.get(key);
    if (list) list.push(a);
    else index.set(key, [a]);
  }
  return index;
}

function coveringAcceptance(finding: Finding, assetsById: ReadonlyMap<string, Pick<Asset, 'groups'>>, active: Map<string, RiskAcceptance[]>): RiskAcceptance | undefined {
  const keys = new Set([finding.advisoryId, ...finding.vulnerabilityIds].map(vulnerabilityKey));
  const asset = assetsById.get(finding.assetId);
  const covering = [...keys]
    .flatMap((k) => active.get(k) ?? [])
    .filter((a) => acceptanceScopeCovers(a.scope, finding.assetId, asset));
  return covering.sort((x, y) => time(y.expiresAt) - time(x.expiresAt) || x.id.localeCompare(y.id))[0];
}
