/** A package URL split into its parts (https://github.com/package-url/purl-spec), percent-decoded. */
export interface PackageUrl {
  type: string;
  namespace?: string;
  name: string;
  version?: string;
  qualifiers: Record<string, string>;
}

const PURL = /^pkg:\/*([A-Za-z][A-Za-z0-9.+-]*)\/([^@?#]+)(?:@([^?#]*))?(?:\?([^#]*))?(?:#.*)?$/;

/**
 * Parse a purl; undefined when it is not one.
 *
 * @example
 * parsePackageUrl('pkg:rpm/redhat/openssl@3.0.7-27.el9?arch=x86_64&epoch=1');
 * // { type: 'rpm', namespace: 'redhat', name: 'openssl', version: '3.0.7-27.el9', qualifiers: { arch: 'x86_64', epoch: '1' } }
 */
export function parsePackageUrl(purl: string): PackageUrl | undefined {
  const m = PURL.exec(purl.trim());
  if (!m) return undefined;
  const [, type = '', path = '', version, query] = m;
  const segments = path.split('/').filter((s) => s !== '').map(decode);
  const name = segments.pop();
  if (name === undefined || name === '') return undefined;
  return {
    type: type.toLowerCase(),
    ...(segments.length > 0 ? { namespace: segments.join('/') } : {}),
    name,
    ...(version !== undefined && version !== '' ? { version: decode(version) } : {}),
    qualifiers: parseQualifiers(query),
  };
}

function parseQualifiers(query: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of (query ?? '').split('&')) {
    const eq = pair.indexOf('=');
    if (eq > 0) out[pair.slice(0, eq).toLowerCase()] = decode(pair.slice(eq + 1));
  }
  return out;
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
