import type { AssessedFinding, Assessment, InstalledPackage, OsInfo, RemediationAction } from '@patchloop/core';

/**
 * The documented `patchloop scan --json` schema (docs/scan-json.md). Stable: fields are only
 * added, never renamed or removed, within a schemaVersion.
 */
export interface ScanReport {
  schemaVersion: 1;
  tool: { name: 'patchloop'; version: string };
  scannedAt: string;
  target: { kind: string; name: string; source: string; os?: OsInfo; packages: number };
  feeds: { source: string; records?: number; dataDate?: string; origin?: string }[];
  summary: { findings: number; vulnerabilities: number; kev: number; byOutcome: Record<string, number>; suppressed: number; accepted: number };
  findings: ScanFinding[];
  suppressed: { vulnerabilityId: string; package: string; statement: string }[];
  remediation: RemediationAction[];
}

export interface ScanFinding {
  vulnerabilityId: string;
  aliases: string[];
  package: Pick<InstalledPackage, 'ecosystem' | 'name' | 'version' | 'sourceName' | 'sourceVersion' | 'arch' | 'purl'>;
  fixedVersion: string | null;
  status: string;
  advisoryIds: string[];
  cvss: { version: string; vector: string; baseScore: number; severity: string; source: string } | null;
  epss: { score: number; percentile: number; date: string } | null;
  kev: { dateAdded: string; dueDate?: string; ransomware: string } | null;
  ssvc: { outcome: string; exploitation: string; automatable: string; technicalImpact: string; missionWellBeing: string };
  priority: { score: number; contributions: { factor: string; points: number; explanation: string }[] };
  dueDate: string;
  dueReason: string;
  explanation: string;
}

/**
 * One entry per (vulnerability, installed package): several advisories reporting the same CVE for
 * the same package (OVAL, OSV, DSA) become one finding listing all their ids; the highest-priority
 * assessment represents it.
 */
export function toScanFindings(assessment: Assessment): ScanFinding[] {
  const groups = new Map<string, AssessedFinding[]>();
  for (const a of assessment.assessed) {
    const key = `${a.vulnerabilityId}\u0000${packageKeyOf(a.finding.package)}`;
    const group = groups.get(key);
    if (group) group.push(a);
    else groups.set(key, [a]);
  }
  const out: ScanFinding[] = [];
  for (const g of groups.values()) out.push(g.length === 1 ? toScanFinding(g[0]!, [g[0]!.finding.advisoryId], uniqueIds(g[0]!.finding.vulnerabilityIds)) : toScanFinding(g[0]!, [...new Set(g.map((a) => a.finding.advisoryId))], [...new Set(g.flatMap((a) => a.finding.vulnerabilityIds))]));
  return out;
}

/** The ids without repeats, in order (a copy, as `[...new Set(ids)]` makes). */
function uniqueIds(ids: readonly string[]): string[] {
  return ids.length < 2 ? [...ids] : [...new Set(ids)];
}

/** (ecosystem, name, arch, version): findings of one vulnerability on one such package are one entry. Per package, once. */
const keyByPackage = new WeakMap<InstalledPackage, string>();

function packageKeyOf(p: InstalledPackage): string {
  let key = keyByPackage.get(p);
  if (key === undefined) {
    key = `${p.ecosystem}\u0000${p.name}\u0000${p.arch ?? ''}\u0000${p.version}`;
    keyByPackage.set(p, key);
  }
  return key;
}

function toScanFinding(a: AssessedFinding, advisoryIds: string[], ids: string[]): ScanFinding {
  const { finding, profile, priority, due } = a;
  const intel = intelOf(profile);
  return {
    vulnerabilityId: a.vulnerabilityId,
    aliases: ids.filter((id) => id !== a.vulnerabilityId),
    package: packageOf(finding.package),
    fixedVersion: finding.fixedVersion ?? null,
    status: finding.status,
    advisoryIds,
    cvss: intel.cvss,
    epss: intel.epss,
    kev: intel.kev,
    ssvc: ssvcOf(priority.ssvc),
    priority: { score: priority.score, contributions: contributionsOf(priority.contributions) },
    dueDate: due.dueDate,
    dueReason: due.reason,
    explanation: finding.explanation.text,
  };
}

/** The package's reported fields, optional ones only when set, in the documented order; one (readonly) object per package. */
const reportedPackages = new WeakMap<InstalledPackage, ScanFinding['package']>();

function packageOf(p: InstalledPackage): ScanFinding['package'] {
  let out = reportedPackages.get(p);
  if (!out) {
    out = reportedPackageOf(p);
    reportedPackages.set(p, out);
  }
  return out;
}

function reportedPackageOf(p: InstalledPackage): ScanFinding['package'] {
  const out: ScanFinding['package'] = { ecosystem: p.ecosystem, name: p.name, version: p.version };
  if (p.sourceName) out.sourceName = p.sourceName;
  if (p.sourceVersion) out.sourceVersion = p.sourceVersion;
  if (p.arch) out.arch = p.arch;
  if (p.purl) out.purl = p.purl;
  return out;
}

// Profiles, SSVC assessments and contributions are shared by the findings of one vulnerability
// (the assessment computes them once per profile), so their report forms are built once each.
const intelByProfile = new WeakMap<AssessedFinding['profile'], Pick<ScanFinding, 'cvss' | 'epss' | 'kev'>>();
const ssvcByAssessment = new WeakMap<AssessedFinding['priority']['ssvc'], ScanFinding['ssvc']>();
const contributionsByList = new WeakMap<AssessedFinding['priority']['contributions'], ScanFinding['priority']['contributions']>();

function intelOf(profile: AssessedFinding['profile']): Pick<ScanFinding, 'cvss' | 'epss' | 'kev'> {
  let intel = intelByProfile.get(profile);
  if (!intel) {
    intel = {
      cvss: profile.cvss ? { version: profile.cvss.cvss.version, vector: profile.cvss.cvss.vector, baseScore: profile.cvss.cvss.baseScore, severity: profile.cvss.cvss.severity, source: profile.cvss.scorer ?? profile.cvss.sourceClass } : null,
      epss: profile.epss ? { score: profile.epss.score, percentile: profile.epss.percentile, date: profile.epss.date } : null,
      kev: profile.kev ? { dateAdded: profile.kev.dateAdded, ...(profile.kev.dueDate ? { dueDate: profile.kev.dueDate } : {}), ransomware: profile.kev.ransomware } : null,
    };
    intelByProfile.set(profile, intel);
  }
  return intel;
}

function ssvcOf(ssvc: AssessedFinding['priority']['ssvc']): ScanFinding['ssvc'] {
  let out = ssvcByAssessment.get(ssvc);
  if (!out) {
    const dp = ssvc.decisionPoints;
    out = { outcome: ssvc.outcome, exploitation: dp.exploitation.value, automatable: dp.automatable.value, technicalImpact: dp.technicalImpact.value, missionWellBeing: dp.missionWellBeing.value };
    ssvcByAssessment.set(ssvc, out);
  }
  return out;
}

function contributionsOf(list: AssessedFinding['priority']['contributions']): ScanFinding['priority']['contributions'] {
  let out = contributionsByList.get(list);
  if (!out) {
    out = list.map((c) => ({ factor: c.factor, points: c.points, explanation: c.explanation }));
    contributionsByList.set(list, out);
  }
  return out;
}
