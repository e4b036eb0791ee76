import type { CsafBranch, CsafFullProductName, CsafProductTree } from './csaf.types.js';

/** A named product of the tree with the identification helpers Patchloop uses. */
export interface CsafProduct {
  id: string;
  name: string;
  cpe?: string;
  purl?: string;
}

/**
 * A product id resolved through relationships: the package (or other leaf) it names and the
 * products it is a component of, nearest first. For Red Hat's modular packages
 * "AppStream-8.6.0.Z.AUS:python39:3.9:…:PyYAML-0:5.4.1-1.module+….src" that is
 * component PyYAML…src, contexts [module python39:3.9…, platform AppStream-8.6.0.Z.AUS].
 */
export interface ResolvedCsafProduct {
  productId: string;
  component: CsafProduct;
  contexts: CsafProduct[];
}

/** Products and relationships by product id. */
export interface CsafProductIndex {
  products: ReadonlyMap<string, CsafProduct>;
  relationships: ReadonlyMap<string, { component: string; parent: string; category: string }>;
}

/** Relationship chains deeper than this are refused (mandatory test 6.1.3 already forbids cycles). */
const MAX_DEPTH = 16;

/**
 * Index a product tree: every `product` in the branches (at any depth), every stand-alone
 * `full_product_names` entry, every relationship's new product id.
 *
 * @example
 * const index = indexCsafProductTree(doc.product_tree);
 * resolveCsafProduct(index, 'AppStream-9.4.0.Z.MAIN:openssl-1:3.0.7-27.el9.x86_64');
 */
export function indexCsafProductTree(tree: CsafProductTree | undefined): CsafProductIndex {
  const products = new Map<string, CsafProduct>();
  collectBranches(tree?.branches ?? [], products);
  for (const p of tree?.full_product_names ?? []) products.set(p.product_id, toProduct(p));
  const relationships = new Map<string, { component: string; parent: string; category: string }>();
  for (const r of tree?.relationships ?? []) {
    relationships.set(r.full_product_name.product_id, { component: r.product_reference, parent: r.relates_to_product_reference, category: r.category });
  }
  return { products, relationships };
}

/** Resolve a product id to its leaf component and its contexts; undefined when it names nothing. */
export function resolveCsafProduct(index: CsafProductIndex, productId: string, depth = 0): ResolvedCsafProduct | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const relationship = index.relationships.get(productId);
  if (relationship) {
    const component = resolveCsafProduct(index, relationship.component, depth + 1);
    const parent = resolveCsafProduct(index, relationship.parent, depth + 1);
    if (!component || !parent) return undefined;
    return { productId, component: component.component, contexts: [...component.contexts, parent.component, ...parent.contexts] };
  }
  const product = index.products.get(productId);
  return product ? { productId, component: product, contexts: [] } : undefined;
}

function collectBranches(branches: readonly CsafBranch[], into: Map<string, CsafProduct>): void {
  for (const branch of branches) {
    if (branch.product) into.set(branch.product.product_id, toProduct(branch.product));
    if (branch.branches) collectBranches(branch.branches, into);
  }
}

function toProduct(p: CsafFullProductName): CsafProduct {
  const helper = p.product_identification_helper;
  return { id: p.product_id, name: p.name, ...(helper?.cpe ? { cpe: helper.cpe } : {}), ...(helper?.purl ? { purl: helper.purl } : {}) };
}
