import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import {
  AdvisoryIndex, assessFindings, InstalledGroups, invalidInput, matchInventory, versionSchemes,
  type Advisory, type Asset, type InstalledPackage, type SchemeLookup, type Criticality, type RiskPolicy, type Exposure, type InventorySnapshot, type VexStatement, type VulnerabilityIntel,
} from '@patchloop/core';
import type { Store } from '@patchloop/store';
import { groupsOfPackages } from '../detection/rematch.js';
import { toScanFindings, type ScanReport } from './scan-report.js';

export interface ScanOptions {
  snapshot: InventorySnapshot;
  /** Feed files or directories used for this run only (not stored). */
  extraFeeds?: readonly string[];
  /** OpenVEX or CycloneDX VEX documents to apply. */
  vexFiles?: readonly string[];
  /** Context of the scanned asset (default criticality 3, exposure internal). */
  asset?: { criticality?: Criticality; exposure?: Exposure; environment?: string; tags?: string[] };
  nowIso: string;
  /** CVSS precedence, EPSS threshold, SLA matrix and due-date rules (default: DEFAULT_RISK_POLICY). */
  policy?: RiskPolicy;
  version?: string;
  onProgress?: (message: string) => void;
}

const TARGET_ID = 'scan-target';

/**
 * Scans one inventory: the store's active advisories for its packages plus any feeds given for
 * this run, the store's threat intel, VEX and the asset context -> a ranked, explained report.
 */
export async function scanInventory(store: Store, opts: ScanOptions): Promise<ScanReport> {
  const progress = opts.onProgress ?? (() => undefined);
  const packages = opts.snapshot.packages;
  progress(`loading advisories for ${packages.length} packages`);
  const extra = await loadExtraFeeds(opts.extraFeeds ?? [], opts.nowIso, progress);
  const advisories = [...(await loadStoredAdvisories(store, packages)), ...extra.advisories];
  const index = new AdvisoryIndex({ schemeFor });
  index.upsert(advisories);
  progress(`matching against ${advisories.length} advisories`);
  const findings = matchInventory(packages, index, { assetId: TARGET_ID });
  const cves = [...new Set(findings.flatMap((f) => f.vulnerabilityIds).filter((id) => id.startsWith('CVE-')))];
  const intel = [...(await store.feeds.listIntel(cves)), ...extra.intel.filter((i) => cves.includes(i.cveId))];
  const assessment = assessFindings({
    findings, assetsById: new Map([[TARGET_ID, targetAsset(opts)]]), advisoriesById: groupById(advisories), intelByCve: groupByCve(intel),
    vex: await loadVex(opts.vexFiles ?? []), nowIso: opts.nowIso,
    ...(opts.policy ? { intelOptions: opts.policy.intel, slaPolicy: opts.policy.sla, rules: opts.policy.rules } : {}),
  });
  return buildReport(opts, assessment, await feedSummary(store, extra.sources));
}

const schemeFor: SchemeLookup = (n) => versionSchemes[n];

/**
 * The stored advisories that can give this inventory a verdict: an advisory whose entry for a
 * package group is "introduced 0, fixed X" with every installed version of the group at or above X
 * is left unread (ADR 0010); the rest are read from their compact match documents.
 */
async function loadStoredAdvisories(store: Store, packages: readonly InstalledPackage[]): Promise<Advisory[]> {
  const installed = new InstalledGroups(packages, schemeFor);
  return store.feeds.listMatchAdvisoriesForGroups(groupsOfPackages(packages), { skip: (row) => installed.rulesOut(row) });
}

function buildReport(opts: ScanOptions, assessment: ReturnType<typeof assessFindings>, feeds: ScanReport['feeds']): ScanReport {
  const findings = toScanFindings(assessment);
  const byOutcome: Record<string, number> = {};
  for (const f of findings) byOutcome[f.ssvc.outcome] = (byOutcome[f.ssvc.outcome] ?? 0) + 1;
  const a = opts.snapshot.asset;
  return {
    schemaVersion: 1,
    tool: { name: 'patchloop', version: opts.version ?? '0.1.0' },
    scannedAt: opts.nowIso,
    target: { kind: a.kind, name: a.name, source: a.source ?? 'unknown', ...(a.os ? { os: a.os } : {}), packages: opts.snapshot.packages.length },
    feeds,
    summary: { findings: findings.length, vulnerabilities: new Set(findings.map((f) => f.vulnerabilityId)).size, kev: new Set(findings.filter((f) => f.kev).map((f) => f.vulnerabilityId)).size, byOutcome, suppressed: assessment.suppressed.length, accepted: assessment.accepted.length },
    findings,
    suppressed: assessment.suppressed.map((s) => ({ vulnerabilityId: s.finding.vulnerabilityIds[0] ?? s.finding.advisoryId, package: `${s.finding.package.name} ${s.finding.package.version}`, statement: `${s.statement.status}${s.statement.justification ? ` (${s.statement.justification})` : ''} from ${s.statement.provenance.file ?? s.statement.provenance.format}` })),
    remediation: assessment.plan,
  };
}

async function loadExtraFeeds(paths: readonly string[], nowIso: string, progress: (m: string) => void): Promise<{ advisories: Advisory[]; intel: VulnerabilityIntel[]; sources: ScanReport['feeds'] }> {
  const out = { advisories: [] as Advisory[], intel: [] as VulnerabilityIntel[], sources: [] as ScanReport['feeds'] };
  if (paths.length === 0) return out;
  const { detectFeedFormat, readHead } = await import('@patchloop/feeds');
  for (const path of paths) {
    const format = detectFeedFormat(await readHead(path), basename(path));
    if (!format) throw invalidInput('E_FEED_FORMAT_UNKNOWN', 'cannot tell which feed this is from its content', { file: path });
    progress(`reading ${format.source} feed ${path}`);
    const r = await format.parsePath(path, { fetchedAt: nowIso });
    out.advisories.push(...r.advisories);
    out.intel.push(...r.intel);
    out.sources.push({ source: r.source, records: r.records, ...(r.dataDate ? { dataDate: r.dataDate } : {}), origin: path });
  }
  return out;
}

async function loadVex(files: readonly string[]): Promise<VexStatement[]> {
  const out: VexStatement[] = [];
  if (files.length === 0) return out;
  const { vex } = await import('@patchloop/feeds');
  for (const file of files) {
    const text = await readFile(file, 'utf8');
    if (vex.detectOpenVex(text.slice(0, 4096))) out.push(...vex.parseOpenVex(text, { file }));
    else if (vex.detectCycloneDxVex(text.slice(0, 4096))) out.push(...vex.parseCycloneDxVex(text, { file }));
    else throw invalidInput('E_VEX_FORMAT_UNKNOWN', 'not an OpenVEX or CycloneDX VEX document', { file });
  }
  return out;
}

async function feedSummary(store: Store, extra: ScanReport['feeds']): Promise<ScanReport['feeds']> {
  const stored = (await store.feeds.listSourceStatus()).filter((s) => s.activeVersionId).map((s) => ({ source: s.source, ...(s.records !== undefined ? { records: s.records } : {}), ...(s.dataDate ? { dataDate: s.dataDate } : {}), ...(s.origin ? { origin: s.origin } : {}) }));
  return [...stored, ...extra];
}

function targetAsset(opts: ScanOptions): Asset {
  const a = opts.snapshot.asset;
  return {
    id: TARGET_ID, kind: a.kind, name: a.name, addresses: a.addresses ?? [], criticality: opts.asset?.criticality ?? 3, exposure: opts.asset?.exposure ?? 'internal',
    tags: opts.asset?.tags ?? [], groups: [], firstSeen: opts.nowIso, lastSeen: opts.nowIso, source: a.source ?? 'scan', ...(opts.asset?.environment ? { environment: opts.asset.environment } : {}),
  };
}

function groupById(advisories: readonly Advisory[]): Map<string, Advisory[]> {
  const m = new Map<string, Advisory[]>();
  for (const a of advisories) (m.get(a.id) ?? m.set(a.id, []).get(a.id)!).push(a);
  return m;
}

function groupByCve(intel: readonly VulnerabilityIntel[]): Map<string, VulnerabilityIntel[]> {
  const m = new Map<string, VulnerabilityIntel[]>();
  for (const i of intel) (m.get(i.cveId) ?? m.set(i.cveId, []).get(i.cveId)!).push(i);
  return m;
}
