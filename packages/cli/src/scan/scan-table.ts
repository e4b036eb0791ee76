import type { ScanReport } from '@patchloop/server/scan';
import { printTable } from '../output.js';

/** The terminal view: a summary, the top findings ranked, and the top of the remediation plan. */
export function printScanTable(report: ScanReport, limit: number): void {
  const s = report.summary;
  const outcomes = Object.entries(s.byOutcome).map(([k, v]) => `${k} ${v}`).join(', ') || 'none';
  console.log(`${report.target.name} (${report.target.kind}, ${report.target.packages} packages): ${s.findings} findings, ${s.vulnerabilities} vulnerabilities, ${s.kev} in KEV; SSVC: ${outcomes}${s.suppressed ? `; ${s.suppressed} suppressed by VEX` : ''}`);
  if (report.findings.length > 0) {
    printTable(['prio', 'ssvc', 'due', 'vulnerability', 'package', 'installed', 'fixed in', 'KEV', 'EPSS'], report.findings.slice(0, limit).map((f) => [
      f.priority.score, f.ssvc.outcome, f.dueDate.slice(0, 10), f.vulnerabilityId, f.package.sourceName && f.package.sourceName !== f.package.name ? `${f.package.name} (${f.package.sourceName})` : f.package.name,
      f.package.version, f.fixedVersion ?? (f.status === 'affected' ? '' : f.status), f.kev ? 'yes' : '', f.epss ? f.epss.score.toFixed(3) : '',
    ]));
    if (report.findings.length > limit) console.log(`... ${report.findings.length - limit} more (--limit N, or --json / --csv / --sarif for all)`);
  }
  const plan = report.remediation.filter((a) => a.kind !== 'no-fix').slice(0, 5);
  if (plan.length) console.log(`\nFix first:\n${plan.map((a, i) => `  ${i + 1}. ${a.text}`).join('\n')}`);
  const stale = report.feeds.filter((f) => f.dataDate && Date.parse(report.scannedAt) - Date.parse(f.dataDate) > 7 * 86_400_000);
  if (stale.length) console.log(`\nnote: feed data is old (${stale.map((f) => `${f.source} ${f.dataDate!.slice(0, 10)}`).join(', ')}); run \`patchloop feeds sync\` for current data`);
}
