/**
 * A parsed Package URL (https://github.com/package-url/purl-spec), reduced to what matching needs.
 * Namespace, name, version and qualifier values are percent-decoded; `type` and qualifier keys are lower case.
 */
export interface Purl {
  readonly type: string;
  readonly namespace?: string;
  readonly name: string;
  readonly version?: string;
  readonly qualifiers: Readonly<Record<string, string>>;
}

/** Types whose namespace and name are case-insensitive in the purl spec (compared in lower case). */
const CASE_INSENSITIVE_TYPES = new Set(['bitbucket', 'github', 'pypi', 'oci', 'deb', 'apk', 'alpm', 'hex', 'composer']);

/**
 * Parses a purl, or returns undefined when the text is not one (no "pkg:" scheme, no type or no name).
 * Names are normalized per type: pypi as PEP 503 (`Foo_Bar` -> `foo-bar`), case-insensitive types in lower case.
 *
 * @example
 * parsePurl('pkg:apk/alpine/libssl3@3.0.8-r3?arch=x86_64');
 * // { type: 'apk', namespace: 'alpine', name: 'libssl3', version: '3.0.8-r3', qualifiers: { arch: 'x86_64' } }
 */
export function parsePurl(text: string): Purl | undefined {
  const m = /^pkg:\/*([^/?#@]+)\/([^?#]+)(?:\?([^#]*))?(?:#.*)?$/i.exec(text.trim());
  if (!m?.[1] || !m[2]) return undefined;
  const type = m[1].toLowerCase();
  const { path, version } = splitVersion(m[2]);
  const segments = path.split('/').filter((s) => s !== '').map(decode);
  const rawName = segments.pop();
  if (rawName === undefined || rawName === '') return undefined;
  const namespace = segments.length > 0 ? segments.join('/') : undefined;
  return makePurl({ type, namespace, name: rawName, version, qualifiers: parseQualifiers(m[3]) });
}

/** A purl from its parts, with the type's normalization applied (see `parsePurl`). */
export function makePurl({ type, namespace, name, version, qualifiers = {} }: { type: string; namespace?: string; name: string; version?: string; qualifiers?: Readonly<Record<string, string>> }): Purl {
  const t = type.toLowerCase();
  const ns = namespace === undefined || namespace === '' ? undefined : normalizeSegment(t, namespace);
  return { type: t, namespace: ns, name: normalizeName(t, name), version, qualifiers };
}

/** The version is after the last "@" that follows the last "/" (an npm scope "@scope/x" is not a version). */
function splitVersion(rest: string): { path: string; version?: string } {
  const at = rest.lastIndexOf('@');
  if (at <= rest.lastIndexOf('/')) return { path: rest };
  const version = decode(rest.slice(at + 1));
  return { path: rest.slice(0, at), version: version === '' ? undefined : version };
}

function parseQualifiers(text: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of (text ?? '').split('&')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) continue;
    const value = decode(pair.slice(eq + 1));
    if (value !== '') out[pair.slice(0, eq).toLowerCase()] = value;
  }
  return out;
}

function normalizeName(type: string, name: string): string {
  if (type === 'pypi') return name.toLowerCase().replace(/[-_.]+/g, '-');
  return normalizeSegment(type, name);
}

function normalizeSegment(type: string, value: string): string {
  return CASE_INSENSITIVE_TYPES.has(type) ? value.toLowerCase() : value;
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The purl as text (canonical enough for display and map keys; qualifiers sorted). */
export function formatPurl(p: Purl): string {
  const enc = (s: string): string => encodeURIComponent(s).replace(/%2F/gi, '/');
  const path = [p.namespace, p.name].filter((s): s is string => s !== undefined).map(enc).join('/');
  const version = p.version === undefined ? '' : `@${encodeURIComponent(p.version)}`;
  const keys = Object.keys(p.qualifiers).sort();
  const qualifiers = keys.length === 0 ? '' : `?${keys.map((k) => `${k}=${encodeURIComponent(p.qualifiers[k] ?? '')}`).join('&')}`;
  return `pkg:${p.type}/${path}${version}${qualifiers}`;
}
