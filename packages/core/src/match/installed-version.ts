import type { VersionScheme } from '../version/version-scheme.js';

/** A version parsed by one scheme, or why it could not be. */
export type ParseOutcome = { readonly ok: true; readonly parsed: unknown } | { readonly ok: false; readonly reason: string };

/**
 * Parses `text` with `scheme`, never throwing. For the semver scheme a leading "v" before a digit
 * is dropped first: OSV SEMVER ranges carry no "v" while installed Go module versions always do.
 */
export function parseWith(scheme: VersionScheme, text: string): ParseOutcome {
  const input = scheme.name === 'semver' && /^v\d/.test(text) ? text.slice(1) : text;
  try {
    return { ok: true, parsed: scheme.parse(input) };
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return { ok: false, reason: `"${text}" is not a valid ${scheme.name} version: ${why}` };
  }
}

/**
 * The installed version of one match key, parsed at most once per scheme and kept for the
 * key's lifetime (a key usually meets one scheme, at most two: its ecosystem's and semver).
 */
export class InstalledVersion {
  readonly text: string;
  private firstScheme: VersionScheme | undefined;
  private firstOutcome: ParseOutcome | undefined;
  private others: Map<VersionScheme, ParseOutcome> | undefined;

  constructor(text: string) {
    this.text = text;
  }

  /** The version parsed by `scheme` (cached). */
  get(scheme: VersionScheme): ParseOutcome {
    if (this.firstScheme === scheme && this.firstOutcome) return this.firstOutcome;
    if (!this.firstScheme) {
      this.firstScheme = scheme;
      this.firstOutcome = parseWith(scheme, this.text);
      return this.firstOutcome;
    }
    this.others ??= new Map();
    let outcome = this.others.get(scheme);
    if (!outcome) {
      outcome = parseWith(scheme, this.text);
      this.others.set(scheme, outcome);
    }
    return outcome;
  }
}
