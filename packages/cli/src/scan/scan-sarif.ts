import type { ScanFinding, ScanReport } from '@patchloop/server/scan';

const LEVEL: Record<string, 'error' | 'warning' | 'note'> = { Act: 'error', Attend: 'error', 'Track*': 'warning', Track: 'note' };

/** SARIF 2.1.0: one rule per vulnerability, one result per (vulnerability, package). */
export function toSarif(report: ScanReport, targetUri: string): unknown {
  const rules = new Map<string, ScanFinding>();
  for (const f of report.findings) if (!rules.has(f.vulnerabilityId)) rules.set(f.vulnerabilityId, f);
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'patchloop', version: report.tool.version, informationUri: 'https://github.com/patchloop/patchloop', rules: [...rules.values()].map(ruleOf) } },
      results: report.findings.map((f) => resultOf(f, targetUri)),
    }],
  };
}

function ruleOf(f: ScanFinding): unknown {
  return {
    id: f.vulnerabilityId,
    shortDescription: { text: `${f.vulnerabilityId} in ${f.package.sourceName ?? f.package.name}` },
    helpUri: f.vulnerabilityId.startsWith('CVE-') ? `https://www.cve.org/CVERecord?id=${f.vulnerabilityId}` : undefined,
    properties: { 'security-severity': f.cvss ? String(f.cvss.baseScore) : undefined, tags: ['security', 'vulnerability'] },
  };
}

function resultOf(f: ScanFinding, targetUri: string): unknown {
  const fix = f.fixedVersion ? `; fixed in ${f.fixedVersion}` : '; no fix available';
  return {
    ruleId: f.vulnerabilityId,
    level: LEVEL[f.ssvc.outcome] ?? 'warning',
    message: { text: `${f.package.name} ${f.package.version} is affected by ${f.vulnerabilityId} (SSVC ${f.ssvc.outcome}, priority ${f.priority.score}, due ${f.dueDate.slice(0, 10)})${fix}. ${f.explanation}` },
    locations: [{ physicalLocation: { artifactLocation: { uri: targetUri } }, logicalLocations: [{ name: f.package.purl ?? `${f.package.ecosystem}/${f.package.name}@${f.package.version}`, kind: 'package' }] }],
    properties: { priority: f.priority.score, ssvcOutcome: f.ssvc.outcome, dueDate: f.dueDate, kev: f.kev !== null, epss: f.epss?.score, fixedVersion: f.fixedVersion, advisoryIds: f.advisoryIds },
  };
}
