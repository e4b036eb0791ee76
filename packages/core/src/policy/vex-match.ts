import type { Finding } from '../match/finding.js';
import { parsePurl, type Purl } from './purl.js';
import { purlCovers, purlsOfPackage } from './purl-match.js';
import type { AssetRefsById, ComponentRef, ProductRef, VexStatement } from './vex.js';

interface CompiledComponent {
  readonly purl?: Purl;
  readonly refs: readonly string[];
  /** Exact versions of a CycloneDX versions list; undefined when the component has none. */
  readonly versions?: ReadonlySet<string>;
}

interface CompiledProduct extends CompiledComponent {
  readonly subcomponents: readonly CompiledComponent[];
}

/** A statement prepared for matching: purls parsed once, time as a number, input order for ties. */
export interface CompiledStatement {
  readonly statement: VexStatement;
  readonly order: number;
  readonly time: number;
  readonly products: readonly CompiledProduct[];
}

/** What a finding is matched with: its package's purls and the references naming its asset. */
export interface FindingSubject {
  readonly packagePurls: readonly Purl[];
  readonly assetPurls: readonly Purl[];
  readonly assetRefs: readonly string[];
}

/** Upper-cased, trimmed vulnerability id: ids and aliases compare case-insensitively. */
export function vulnerabilityKey(id: string): string {
  return id.trim().toUpperCase();
}

function compileComponent(c: ComponentRef): CompiledComponent {
  const exact = c.versions?.flatMap((v) => (v.version === undefined ? [] : [v.version]));
  return {
    purl: c.purl === undefined ? undefined : parsePurl(c.purl),
    refs: [c.bomRef, c.id].filter((r): r is string => r !== undefined),
    versions: exact === undefined ? undefined : new Set(exact),
  };
}

function compileProduct(p: ProductRef): CompiledProduct {
  return { ...compileComponent(p), subcomponents: (p.subcomponents ?? []).map(compileComponent) };
}

/** Prepares statements; the index is the input order (a later statement wins a timestamp tie). */
export function compileStatement(statement: VexStatement, order: number): CompiledStatement {
  const parsed = statement.timestamp === undefined ? Number.NaN : Date.parse(statement.timestamp);
  return { statement, order, time: Number.isNaN(parsed) ? Number.NEGATIVE_INFINITY : parsed, products: statement.products.map(compileProduct) };
}

/** The purls and references of a finding's package and asset. */
export function subjectOfFinding(finding: Finding, assetRefs: AssetRefsById | undefined): FindingSubject {
  const refs = assetRefs?.get(finding.assetId) ?? [];
  const assetPurls = refs.map((r) => parsePurl(r)).filter((p): p is Purl => p !== undefined);
  return { packagePurls: purlsOfPackage(finding.package), assetPurls, assetRefs: refs };
}

function coversPurl(c: CompiledComponent, candidates: readonly Purl[]): boolean {
  const purl = c.purl;
  if (purl === undefined) return false;
  return candidates.some((p) => purlCovers(purl, p) && (c.versions === undefined || (p.version !== undefined && c.versions.has(p.version))));
}

function namesAsset(c: CompiledComponent, subject: FindingSubject): boolean {
  return coversPurl(c, subject.assetPurls) || c.refs.some((r) => subject.assetRefs.includes(r));
}

/**
 * Whether a product covers the finding. Without subcomponents: the product is the package itself,
 * or it names the finding's asset (then every package of the asset is covered). With subcomponents:
 * the product must name the asset and a subcomponent must be the package.
 */
export function productCovers(product: CompiledProduct, subject: FindingSubject): boolean {
  if (product.subcomponents.length === 0) return coversPurl(product, subject.packagePurls) || namesAsset(product, subject);
  return namesAsset(product, subject) && product.subcomponents.some((s) => coversPurl(s, subject.packagePurls));
}

/** True when `a` supersedes `b`: newer timestamp, or the same time and later in the input. */
export function isNewer(a: CompiledStatement, b: CompiledStatement): boolean {
  return a.time !== b.time ? a.time > b.time : a.order > b.order;
}
