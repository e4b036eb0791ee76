import type { InstalledPackage } from '@patchloop/core';

/** The package databases Patchloop can read. One folder per kind under host/. */
export type PackageDbKind = 'dpkg-status' | 'rpm-qa' | 'apk-installed';

/** Options every package-database parser takes. */
export interface PackageDbParseOptions {
  /** OSV ecosystem of the host, e.g. "Debian:12", "Rocky Linux:9", "Alpine:v3.19". */
  ecosystem: string;
  /** Name of the input used in error messages, e.g. "/var/lib/dpkg/status". */
  file?: string;
}

/** An entry of the database that is not an installed package (e.g. dpkg `rc`), kept as a value. */
export interface SkippedPackage {
  name: string;
  /** 1-based line where the entry starts. */
  line: number;
  /** Why it was skipped, e.g. "deinstall ok config-files". */
  reason: string;
}

/** What a package-database parser returns: installed packages, skipped entries, warnings. */
export interface PackageDbParseResult {
  packages: InstalledPackage[];
  skipped: SkippedPackage[];
  warnings: string[];
}

/**
 * A push parser: feed it lines (without their line terminator) in order, then call `finish`.
 * Parsers keep only the current entry in memory, so a 5 MB dpkg status can be streamed.
 * Malformed input throws a DomainError naming the file and line; nothing partial is returned.
 */
export interface PackageDbLineParser {
  pushLine(line: string): void;
  /**
   * Optional, the same as pushLine(text.slice(start, end)) without cutting the line out: text[end]
   * is "\n" or the end of the text, and the text holds no "\r" (pushTextLines checks).
   */
  pushLineOf?(text: string, start: number, end: number): void;
  finish(): PackageDbParseResult;
}

/** One package-database format. Each variant folder exports one of these. */
export interface PackageDbFormat {
  readonly kind: PackageDbKind;
  /** Asset source recorded on snapshots built from this format, e.g. "collector:dpkg". */
  readonly source: string;
  createParser(opts: PackageDbParseOptions): PackageDbLineParser;
}

/**
 * Parses a whole text with a format's push parser.
 *
 * @example
 * const { packages } = parseTextWith(dpkgStatusFormat, text, { ecosystem: 'Debian:12' });
 */
export function parseTextWith(format: PackageDbFormat, text: string, opts: PackageDbParseOptions): PackageDbParseResult {
  const parser = format.createParser(opts);
  pushTextLines(parser, text);
  return parser.finish();
}

/** Splits text into lines without copying it into an array; drops "\r" of CRLF endings. */
export function* linesOf(text: string): Generator<string> {
  let start = 0;
  while (start < text.length) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    yield stripCr(text.slice(start, end));
    start = end + 1;
  }
}

/**
 * Pushes the lines of linesOf(text) to a parser: text without "\r" line by line where the lines
 * lie (pushLineOf) when the parser can read them so; otherwise cut out, without a generator step.
 */
export function pushTextLines(parser: PackageDbLineParser, text: string): void {
  let start = 0;
  const byRange = parser.pushLineOf !== undefined && !text.includes('\r');
  while (start < text.length) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    if (byRange) parser.pushLineOf!(text, start, end);
    else parser.pushLine(stripCr(text.slice(start, end)));
    start = end + 1;
  }
}

/** Removes one trailing carriage return. */
export function stripCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

/**
 * One warning per skip reason, listing the names, so 40 removed-but-configured packages
 * make one line rather than 40.
 */
export function warningsForSkipped(label: string, skipped: readonly SkippedPackage[]): string[] {
  const byReason = new Map<string, string[]>();
  for (const s of skipped) byReason.set(s.reason, [...(byReason.get(s.reason) ?? []), s.name]);
  return [...byReason].map(([reason, names]) => `${label}: skipped ${names.length} not installed (${reason}): ${names.join(', ')}`);
}
