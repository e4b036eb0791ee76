/** The version orderings Patchloop knows. One folder per scheme under core/src/version/. */
export type SchemeName = 'dpkg' | 'rpm' | 'apk' | 'semver' | 'pep440' | 'maven' | 'go';

export const SCHEME_NAMES: readonly SchemeName[] = ['dpkg', 'rpm', 'apk', 'semver', 'pep440', 'maven', 'go'];

export type Ordering = -1 | 0 | 1;

/**
 * One version scheme. Every scheme lives in its own folder (version/<name>/<name>.scheme.ts)
 * and exports a `<name>Scheme` constant of this type; version/registry.ts maps names to them.
 *
 * - `parse` throws DomainError E_VERSION_INVALID (kind invalid_input) naming the version and what is wrong.
 * - `compare` parses both sides (throwing like parse) and returns -1, 0 or 1, agreeing exactly
 *   with the scheme's reference tool (dpkg, rpm, apk-tools, node-semver, python packaging,
 *   Maven ComparableVersion, Go x/mod/semver).
 * - `isValid` never throws.
 */
export interface VersionScheme<Parsed = unknown> {
  readonly name: SchemeName;
  parse(version: string): Parsed;
  compareParsed(a: Parsed, b: Parsed): Ordering;
  compare(a: string, b: string): Ordering;
  isValid(version: string): boolean;
}

/** Builds compare/isValid from parse + compareParsed so every scheme behaves alike. */
export function defineScheme<P>(name: SchemeName, parse: (v: string) => P, compareParsed: (a: P, b: P) => Ordering): VersionScheme<P> {
  return {
    name,
    parse,
    compareParsed,
    compare: (a, b) => compareParsed(parse(a), parse(b)),
    isValid: (v) => {
      try {
        parse(v);
        return true;
      } catch {
        return false;
      }
    },
  };
}

/** Sign of a number as an Ordering. */
export function sign(n: number): Ordering {
  return n < 0 ? -1 : n > 0 ? 1 : 0;
}
