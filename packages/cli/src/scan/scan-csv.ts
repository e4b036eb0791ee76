import type { ScanReport } from '@patchloop/server/scan';

const HEADER = ['priority', 'ssvc', 'due_date', 'vulnerability', 'ecosystem', 'package', 'version', 'source_package', 'fixed_version', 'status', 'kev', 'epss', 'cvss', 'cvss_vector', 'advisories'];

/** RFC 4180 CSV, one row per finding, ranked. */
export function toCsv(report: ScanReport): string {
  const rows = report.findings.map((f) => [
    f.priority.score, f.ssvc.outcome, f.dueDate.slice(0, 10), f.vulnerabilityId, f.package.ecosystem, f.package.name, f.package.version, f.package.sourceName ?? '',
    f.fixedVersion ?? '', f.status, f.kev ? 'yes' : 'no', f.epss?.score ?? '', f.cvss?.baseScore ?? '', f.cvss?.vector ?? '', f.advisoryIds.join(' '),
  ]);
  return [HEADER, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

function cell(v: string | number): string {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}
