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
    const p = a.finding.package;
    const key = `${a.vulnerabilityId}\u0000${p.ecosystem}\u0000${p.name}\u0000${p.arch ?? ''}\u0000${p.version}`;
    (groups.get(key) ?? groups.set(key, []).get(key)!).push(a);
  }
  return [...groups.values()].map((g) => toScanFinding(g[0]!, [...new Set(g.map((a) => a.finding.advisoryId))], [...new Set(g.flatMap((a) => a.finding.vulnerabilityIds))]));
}

function toScanFinding(a: AssessedFinding, advisoryIds: string[], ids: string[]): ScanFinding {
  const { finding, profile, priority, due } = a;
  const p = finding.package;
  const dp = priority.ssvc.decisionPoints;
  return {
    vulnerabilityId: a.vulnerabilityId,
    aliases: ids.filter((id) => id !== a.vulnerabilityId),
    package: { ecosystem: p.ecosystem, name: p.name, version: p.version, ...(p.sourceName ? { sourceName: p.sourceName } : {}), ...(p.sourceVersion ? { sourceVersion: p.sourceVersion } : {}), ...(p.arch ? { arch: p.arch } : {}), ...(p.purl ? { purl: p.purl } : {}) },
    fixedVersion: finding.fixedVersion ?? null,
    status: finding.status,
    advisoryIds,
    cvss: profile.cvss ? { version: profile.cvss.cvss.version, vector: profile.cvss.cvss.vector, baseScore: profile.cvss.cvss.baseScore, severity: profile.cvss.cvss.severity, source: profile.cvss.scorer ?? profile.cvss.sourceClass } : null,
    epss: profile.epss ? { score: profile.epss.score, percentile: profile.epss.percentile, date: profile.epss.date } : null,
    kev: profile.kev ? { dateAdded: profile.kev.dateAdded, ...(profile.kev.dueDate ? { dueDate: profile.kev.dueDate } : {}), ransomware: profile.kev.ransomware } : null,
    ssvc: { outcome: priority.ssvc.outcome, exploitation: dp.exploitation.value, automatable: dp.automatable.value, technicalImpact: dp.technicalImpact.value, missionWellBeing: dp.missionWellBeing.value },
    priority: { score: priority.score, contributions: priority.contributions.map((c) => ({ factor: c.factor, points: c.points, explanation: c.explanation })) },
    dueDate: due.dueDate,
    dueReason: due.reason,
    explanation: finding.explanation.text,
  };
}
