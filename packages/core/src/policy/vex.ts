import type { Finding } from '../match/finding.js';
import { compileStatement, isNewer, productCovers, subjectOfFinding, vulnerabilityKey, type CompiledStatement } from './vex-match.js';

/** VEX status, as OpenVEX names it (CycloneDX analysis states are mapped onto these by the parser). */
export type VexStatus = 'not_affected' | 'affected' | 'fixed' | 'under_investigation';
export const VEX_STATUSES: readonly VexStatus[] = ['not_affected', 'affected', 'fixed', 'under_investigation'];

/** Why a product is not affected (OpenVEX / CISA justification labels). */
export type VexJustification =
  | 'component_not_present'
  | 'vulnerable_code_not_present'
  | 'vulnerable_code_not_in_execute_path'
  | 'vulnerable_code_cannot_be_controlled_by_adversary'
  | 'inline_mitigations_already_exist';
export const VEX_JUSTIFICATIONS: readonly VexJustification[] = [
  'component_not_present',
  'vulnerable_code_not_present',
  'vulnerable_code_not_in_execute_path',
  'vulnerable_code_cannot_be_controlled_by_adversary',
  'inline_mitigations_already_exist',
];

/** One version entry of a CycloneDX `affects[].versions` list: an exact version or a `vers:` range. */
export interface VexVersionEntry {
  readonly version?: string;
  readonly range?: string;
  readonly status?: 'affected' | 'unaffected' | 'unknown';
}

/** A component a statement names: by purl, by CycloneDX bom-ref (BOM-link form when given so), or by another id (IRI, CPE). */
export interface ComponentRef {
  readonly purl?: string;
  readonly bomRef?: string;
  /** Identifier that is neither a purl nor a bom-ref (OpenVEX @id IRI, CPE), kept for display. */
  readonly id?: string;
  /** CycloneDX per-version detail; when present, only its exact versions are matched (ranges are not evaluated). */
  readonly versions?: readonly VexVersionEntry[];
}

/** A product of a statement; `subcomponents` are the packages inside it that the statement is about. */
export interface ProductRef extends ComponentRef {
  readonly subcomponents?: readonly ComponentRef[];
}

/** Where a statement came from. */
export interface VexProvenance {
  readonly format: 'openvex' | 'cyclonedx-vex';
  /** OpenVEX @id; CycloneDX serialNumber (with "/version" when the BOM has one). */
  readonly documentId?: string;
  readonly author?: string;
  readonly file: string;
}

/** One VEX statement in the domain's terms (feed quirks mapped away by the parsers). */
export interface VexStatement {
  readonly vulnerabilityId: string;
  readonly aliases: readonly string[];
  readonly products: readonly ProductRef[];
  readonly status: VexStatus;
  /** The status as the document wrote it when it differs (CycloneDX "false_positive", "resolved" ...). */
  readonly originalStatus?: string;
  readonly justification?: VexJustification;
  /** The justification as the document wrote it (CycloneDX "code_not_reachable" ...). */
  readonly originalJustification?: string;
  readonly impactStatement?: string;
  readonly actionStatement?: string;
  /** When the statement was known true (ISO UTC). Absent when the document carries no time at all: older than any dated statement. */
  readonly timestamp?: string;
  readonly provenance: VexProvenance;
}

/** Names the assets (an image's pkg:oci purl, an SBOM's root bom-ref ...) for statements whose product is the asset. */
export type AssetRefsById = ReadonlyMap<string, readonly string[]>;

/** What `applyVex` decided. `annotated` are kept findings whose newest statement is affected, fixed or under_investigation. */
export interface VexApplication {
  readonly kept: Finding[];
  readonly suppressed: { finding: Finding; statement: VexStatement }[];
  readonly annotated: { finding: Finding; statement: VexStatement }[];
}

/** Options of `applyVex`. */
export interface ApplyVexOptions {
  /** References naming each asset (purls such as pkg:oci/..., bom-refs), for statements whose product is an asset. */
  assetRefs?: AssetRefsById;
}

/**
 * Applies VEX statements to findings. For each finding, the statements about one of its vulnerability
 * ids (id or alias, case-insensitive) whose product covers it are collected and the newest wins
 * (timestamp, then input order). A winning `not_affected` suppresses the finding; `affected`, `fixed`
 * and `under_investigation` never suppress and are returned in `annotated` for display.
 * Purl matching rules: see `purlCovers` and the policy README.
 *
 * @example
 * const { kept, suppressed } = applyVex(findings, statements, { assetRefs: new Map([['img-1', ['pkg:oci/alpine@sha256:124c...']]]) });
 */
export function applyVex(findings: readonly Finding[], statements: readonly VexStatement[], { assetRefs }: ApplyVexOptions = {}): VexApplication {
  const byVulnerability = indexStatements(statements);
  const result: VexApplication = { kept: [], suppressed: [], annotated: [] };
  for (const finding of findings) {
    const winner = newestCovering(finding, byVulnerability, assetRefs);
    if (winner?.status === 'not_affected') {
      result.suppressed.push({ finding, statement: winner });
      continue;
    }
    result.kept.push(finding);
    if (winner !== undefined) result.annotated.push({ finding, statement: winner });
  }
  return result;
}

function indexStatements(statements: readonly VexStatement[]): Map<string, CompiledStatement[]> {
  const index = new Map<string, CompiledStatement[]>();
  statements.forEach((statement, order) => {
    const compiled = compileStatement(statement, order);
    const keys = new Set([statement.vulnerabilityId, ...statement.aliases].map(vulnerabilityKey));
    for (const key of keys) {
      const list = index.get(key);
      if (list) list.push(compiled);
      else index.set(key, [compiled]);
    }
  });
  return index;
}

function newestCovering(finding: Finding, index: Map<string, CompiledStatement[]>, assetRefs: AssetRefsById | undefined): VexStatement | undefined {
  const keys = new Set([finding.advisoryId, ...finding.vulnerabilityIds].map(vulnerabilityKey));
  const candidates = [...keys].flatMap((k) => index.get(k) ?? []);
  if (candidates.length === 0) return undefined;
  const subject = subjectOfFinding(finding, assetRefs);
  let best: CompiledStatement | undefined;
  for (const c of candidates) {
    if ((best === undefined || isNewer(c, best)) && c.products.some((p) => productCovers(p, subject))) best = c;
  }
  return best?.statement;
}
