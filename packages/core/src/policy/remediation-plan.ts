import type { AssetKind } from '../inventory/asset.js';
import type { Finding } from '../match/finding.js';
import { schemeOfEcosystem } from '../version/registry.js';
import type { SchemeName } from '../version/version-scheme.js';
import { describeAssetCounts, describeVulnerabilities } from './remediation-text.js';

/** One open finding with its assessed priority (higher = riskier), KEV flag and due date (ISO). */
export interface RemediationItem {
  finding: Finding;
  priority: number;
  kev: boolean;
  dueDate?: string;
}

/**
 * - upgrade-source-package: distro findings matched on a source package, fixed by one source upgrade;
 * - upgrade-package: application (binary-matched) findings, fixed by upgrading the package;
 * - no-fix: findings without a fixed version, to mitigate or accept.
 */
export type RemediationActionKind = 'upgrade-source-package' | 'upgrade-package' | 'no-fix';

/** One step of the plan: a fix action and everything it resolves. */
export interface RemediationAction {
  kind: RemediationActionKind;
  /** e.g. "upgrade source package openssl to 3.0.13-1~deb12u1 on 212 hosts fixes 14 CVEs, 2 in KEV". */
  text: string;
  ecosystem: string;
  package: string;
  /** Highest fixed version among the grouped findings (absent for no-fix). */
  targetVersion?: string;
  /** How versions were ordered to pick the target: the ecosystem's scheme, or plain text when it has none or a version is invalid for it. */
  versionOrder?: SchemeName | 'text';
  assets: { count: number; ids: string[] };
  findings: number;
  /** Distinct CVE ids (the advisory id for a finding with no CVE id), sorted. */
  vulnerabilities: string[];
  /** Distinct vulnerabilities of this action flagged as KEV. */
  kevCount: number;
  /** Sum of the priorities of the findings this action resolves. */
  riskRemoved: number;
  earliestDue?: string;
}

/** Options of `buildRemediationPlan`. */
export interface BuildRemediationPlanOptions {
  /** Asset kind per id, for "hosts"/"images"/"applications" in the text (unknown: "assets"). */
  assetKindOf?: (assetId: string) => AssetKind | undefined;
}

interface ActionGroup {
  kind: RemediationActionKind;
  ecosystem: string;
  name: string;
  items: RemediationItem[];
}

function groupOf(finding: Finding): Omit<ActionGroup, 'items'> {
  const { ecosystem, name, kind: keyKind } = finding.matchedOn;
  if (finding.fixedVersion === undefined) return { kind: 'no-fix', ecosystem, name };
  return { kind: keyKind === 'source' ? 'upgrade-source-package' : 'upgrade-package', ecosystem, name };
}

/** Groups items by fix action, one item per finding key (the first wins when a finding is listed twice). */
function groupItems(items: readonly RemediationItem[]): ActionGroup[] {
  const groups = new Map<string, ActionGroup>();
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.finding.key)) continue;
    seen.add(item.finding.key);
    const g = groupOf(item.finding);
    const id = `${g.kind}\u0000${g.ecosystem}\u0000${g.name}`;
    const group = groups.get(id);
    if (group) group.items.push(item);
    else groups.set(id, { ...g, items: [item] });
  }
  return [...groups.values()];
}

/**
 * The highest of the versions in the ecosystem's scheme (dpkg orders 3.0.11-1~deb12u2 below
 * 3.0.13-1~deb12u1). Without a scheme, or with a version the scheme rejects, versions are ordered
 * as text with numeric runs compared as numbers, and `order` says so.
 */
export function highestVersion(ecosystem: string, versions: readonly string[]): { version: string; order: SchemeName | 'text' } | undefined {
  const scheme = schemeOfEcosystem(ecosystem);
  if (scheme !== undefined && versions.every((v) => scheme.isValid(v))) {
    const version = versions.reduce<string | undefined>((max, v) => (max === undefined || scheme.compare(v, max) > 0 ? v : max), undefined);
    return version === undefined ? undefined : { version, order: scheme.name };
  }
  const sorted = [...versions].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const version = sorted[sorted.length - 1];
  return version === undefined ? undefined : { version, order: 'text' };
}

const CVE_ID = /^CVE-\d{4}-\d+$/i;

function vulnerabilitiesOf(finding: Finding): string[] {
  const cves = finding.vulnerabilityIds.filter((id) => CVE_ID.test(id)).map((id) => id.toUpperCase());
  return cves.length > 0 ? cves : [finding.advisoryId];
}

function earliest(dates: readonly string[]): string | undefined {
  let min: string | undefined;
  let minTime = 0;
  for (const d of dates) {
    const time = Date.parse(d);
    if (min === undefined || time < minTime) {
      min = d;
      minTime = time;
    }
  }
  return min;
}

function headline(group: ActionGroup, target: string | undefined): string {
  if (group.kind === 'upgrade-source-package') return `upgrade source package ${group.name} to ${target ?? '?'}`;
  if (group.kind === 'upgrade-package') return `upgrade ${group.name} to ${target ?? '?'}`;
  return `no fix available for ${group.name}`;
}

function buildAction(group: ActionGroup, assetKindOf: (assetId: string) => AssetKind | undefined): RemediationAction {
  const target = group.kind === 'no-fix' ? undefined : highestVersion(group.ecosystem, group.items.flatMap((i) => (i.finding.fixedVersion === undefined ? [] : [i.finding.fixedVersion])));
  const assetIds = [...new Set(group.items.map((i) => i.finding.assetId))].sort();
  const vulnerabilities = [...new Set(group.items.flatMap((i) => vulnerabilitiesOf(i.finding)))].sort();
  const kevCount = new Set(group.items.filter((i) => i.kev).flatMap((i) => vulnerabilitiesOf(i.finding))).size;
  const on = describeAssetCounts(assetIds, assetKindOf);
  const what = describeVulnerabilities(vulnerabilities, kevCount);
  const text = group.kind === 'no-fix' ? `${headline(group, undefined)} on ${on}: mitigate or accept ${what}` : `${headline(group, target?.version)} on ${on} fixes ${what}`;
  return {
    kind: group.kind,
    text,
    ecosystem: group.ecosystem,
    package: group.name,
    ...(target === undefined ? {} : { targetVersion: target.version, versionOrder: target.order }),
    assets: { count: assetIds.length, ids: assetIds },
    findings: group.items.length,
    vulnerabilities,
    kevCount,
    riskRemoved: group.items.reduce((sum, i) => sum + i.priority, 0),
    earliestDue: earliest(group.items.flatMap((i) => (i.dueDate === undefined ? [] : [i.dueDate]))),
  };
}

function byRiskRemoved(a: RemediationAction, b: RemediationAction): number {
  return b.riskRemoved - a.riskRemoved || b.kevCount - a.kevCount || b.assets.count - a.assets.count || a.text.localeCompare(b.text);
}

/**
 * Turns open findings into a remediation plan: one action per fix. Distro findings matched on a
 * source package are grouped per (ecosystem, source package) and fixed by one upgrade to the highest
 * fixed version among them; application findings per (ecosystem, package); findings without a fixed
 * version form a "no fix available: mitigate or accept" action per package. Sorted by risk removed,
 * then KEV count, then number of assets.
 *
 * @example
 * buildRemediationPlan(items, { assetKindOf: (id) => assets.get(id)?.kind })[0]?.text;
 * // "upgrade source package openssl to 3.0.13-1~deb12u1 on 212 hosts fixes 14 CVEs, 2 in KEV"
 */
export function buildRemediationPlan(items: readonly RemediationItem[], { assetKindOf = () => undefined }: BuildRemediationPlanOptions = {}): RemediationAction[] {
  return groupItems(items)
    .map((g) => buildAction(g, assetKindOf))
    .sort(byRiskRemoved);
}
