/**
 * A dpkg status file as two tools read it, for the OpenSCAP comparison:
 * - OpenSCAP 1.3.7's dpkginfo probe asks libapt-pkg for the BINARY package named like the
 *   OVAL object and compares that binary's version; APT gives a package a current version
 *   unless its state is not-installed or config-files (apt's debListParser::ParseStatus).
 * - Patchloop reads the stanza's Source field ("src" or "src (version)") and counts a package
 *   only in state "installed" with flag "ok" (inventory's dpkg-status parser).
 */
export interface StatusPackage {
  name: string;
  version: string;
  arch: string;
  sourceName: string;
  sourceVersion: string;
  want: string;
  eflag: string;
  state: string;
}

/** Parses the stanzas of a dpkg status text (fields the comparison needs only). */
export function parseStatusPackages(text: string): StatusPackage[] {
  const out: StatusPackage[] = [];
  for (const stanza of text.split(/\n\s*\n/)) {
    const f = stanzaFields(stanza);
    if (!f.Package || !f.Version || !f.Status) continue;
    const src = /^(\S+)(?:\s+\((.+)\))?$/.exec(f.Source ?? '');
    const [want = '', eflag = '', state = ''] = f.Status.split(/\s+/);
    out.push({ name: f.Package, version: f.Version, arch: f.Architecture ?? '', sourceName: src?.[1] ?? f.Package, sourceVersion: src?.[2] ?? f.Version, want, eflag, state });
  }
  return out;
}

/** Does libapt-pkg (hence `oscap`) give this package a current version? */
export function isAptCurrent(p: StatusPackage): boolean {
  return p.state !== 'not-installed' && p.state !== 'config-files';
}

/** Does Patchloop's dpkg-status parser count this package as installed? */
export function isPatchloopInstalled(p: StatusPackage): boolean {
  return p.state === 'installed' && p.eflag === 'ok';
}

/** Is the binary version its source version plus a binNMU suffix (+bN)? */
export function isBinNmu(p: StatusPackage): boolean {
  return p.version !== p.sourceVersion && /^\+b\d+$/.test(p.version.slice(p.sourceVersion.length)) && p.version.startsWith(p.sourceVersion);
}

/** The fields of one stanza (first line of each field; continuation lines ignored). */
export function stanzaFields(stanza: string): Record<string, string> {
  const f: Record<string, string> = {};
  for (const line of stanza.split('\n')) {
    const m = /^([A-Za-z][\w-]*):\s*(.*)$/.exec(line);
    if (m) f[m[1]!] = m[2]!;
  }
  return f;
}
