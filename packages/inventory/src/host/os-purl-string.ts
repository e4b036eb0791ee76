/** purl types of OS package managers. */
export type OsPurlType = 'deb' | 'rpm' | 'apk';

/**
 * Purl strings of OS packages of one type and distro, built directly: the same text as
 * `new PackageURL(type, namespace, name, version, qualifiers).toString()` (packageurl-js 2.0.1) for
 * the types 'deb', 'rpm' and 'apk', without loading packageurl-js (its module set-up and per-call
 * validation cost more than the rest of reading a dpkg status file; ADR 0010). The equality with
 * packageurl-js is tested on real package databases and a property test (os-purl-string.test.ts).
 *
 * Normalization as packageurl-js does it: components trimmed, the name lower-cased for deb and apk,
 * empty qualifiers dropped, qualifier keys sorted; encoding as its toString: the name with
 * encodeURIComponent, the version the same but keeping ":" and "+", qualifier values as
 * application/x-www-form-urlencoded with spaces as "%20". Qualifiers without an epoch are
 * remembered per architecture: a host has a handful.
 *
 * @example
 * new OsPurlBuilder('deb', 'debian', 'debian-12').build('libc6', '2.36-9+deb12u4', 'amd64');
 * // 'pkg:deb/debian/libc6@2.36-9+deb12u4?arch=amd64&distro=debian-12'
 */
export class OsPurlBuilder {
  private readonly prefix: string;
  private readonly queryByArch = new Map<string | undefined, string>();

  constructor(
    private readonly type: OsPurlType,
    namespace: string,
    private readonly distro: string | undefined,
  ) {
    const ns = normalizeNamespace(namespace);
    this.prefix = `pkg:${type}/${ns === '' ? '' : `${encodeURIComponent(ns).replace(/%3A/g, ':').replace(/%2F/g, '/')}/`}`;
  }

  build(rawName: string, rawVersion: string, arch?: string, epoch?: string): string {
    const out = `${this.prefix}${this.encodeName(rawName)}${encodeVersion(rawVersion.trim())}`;
    const query = epoch === undefined ? this.queryFor(arch) : encodeQualifiers([['arch', arch], ['distro', this.distro], ['epoch', epoch]]);
    return query === '' ? out : `${out}?${query}`;
  }

  private encodeName(rawName: string): string {
    if (PLAIN_LOWER_NAME.test(rawName)) return rawName;
    const trimmed = rawName.trim();
    if (trimmed === '') throw new Error('"name" is a required component');
    return encodeURIComponent(this.type === 'rpm' ? trimmed : trimmed.toLowerCase());
  }

  private queryFor(arch: string | undefined): string {
    let query = this.queryByArch.get(arch);
    if (query === undefined) {
      query = encodeQualifiers([['arch', arch], ['distro', this.distro]]);
      this.queryByArch.set(arch, query);
    }
    return query;
  }
}

/** A name that trimming, lower-casing and encodeURIComponent all leave as it is. */
const PLAIN_LOWER_NAME = /^[a-z0-9\-_.!~*'()]+$/;
/** Characters encodeURIComponent leaves as they are, plus ":" and "+" which the version keeps. */
const PLAIN_VERSION = /^[A-Za-z0-9\-_.!~*'():+]*$/;
/** Characters application/x-www-form-urlencoded leaves as they are. */
const PLAIN_FORM = /^[A-Za-z0-9*\-._]*$/;

/** "@version", or nothing for an empty version. */
function encodeVersion(version: string): string {
  if (version === '') return '';
  return `@${PLAIN_VERSION.test(version) ? version : encodeURIComponent(version).replace(/%3A/g, ':').replace(/%2B/g, '+')}`;
}

/** Empty segments dropped (leading, trailing and repeated "/"), lower-cased. */
function normalizeNamespace(namespace: string): string {
  return namespace.includes('/') ? namespace.split('/').filter((s) => s !== '').join('/').toLowerCase() : namespace.toLowerCase();
}

/** Keys given in sorted order (arch, distro, epoch); values trimmed, empty ones dropped. */
function encodeQualifiers(qualifiers: readonly (readonly [string, string | undefined])[]): string {
  let out = '';
  for (const [key, value] of qualifiers) {
    const v = value?.trim();
    if (v) out += `${out === '' ? '' : '&'}${key}=${encodeFormValue(v)}`;
  }
  return out;
}

function encodeFormValue(value: string): string {
  return PLAIN_FORM.test(value) ? value : new URLSearchParams([['_', value]]).toString().slice(2).replace(/\+/g, '%20');
}
