import { DomainError, invalidInput } from '@patchloop/core';

/** provider-metadata.json is missing a field this sync uses, or a distribution is on another host. */
export const E_CSAF_PROVIDER_INVALID = 'E_CSAF_PROVIDER_INVALID';
/** A document path or URL from the provider is absolute, climbs out (`..`) or names another host. */
export const E_CSAF_UNSAFE_PATH = 'E_CSAF_UNSAFE_PATH';

/** What the sync uses of a provider-metadata.json (CSAF 2.0 section 7.1.20), URLs already rebased. */
export interface CsafProvider {
  /** The URL the metadata was fetched from (the official one, or a mirror's copy). */
  metadataUrl: string;
  canonicalUrl: string;
  /** distributions[].directory_url, each ending in "/". */
  directoryUrls: string[];
  /** distributions[].rolie.feeds[] that are public (TLP:WHITE / CLEAR or unlabelled). */
  rolieFeedUrls: string[];
  /** ROLIE feeds left out because their TLP label is not public (they need credentials). */
  skippedFeeds: string[];
  /** Listed for information; signatures (.asc) are not verified by this sync. */
  openPgpKeys: { url: string; fingerprint?: string }[];
}

interface ProviderMetadataJson {
  canonical_url?: unknown;
  distributions?: unknown;
  public_openpgp_keys?: unknown;
}

interface DistributionJson {
  directory_url?: unknown;
  rolie?: { feeds?: unknown };
}

/**
 * Validates the fields the sync reads and resolves distribution URLs. A URL under the canonical
 * URL's directory is rebased onto the directory the metadata was actually fetched from, so a
 * mirror holding a verbatim copy of the provider tree works; every distribution must then be on
 * the same origin as the metadata, else E_CSAF_PROVIDER_INVALID.
 *
 * @example
 * parseProviderMetadata(json, 'http://mirror.local/csaf/provider-metadata.json').directoryUrls;
 * // ['http://mirror.local/csaf/advisories/'] for Red Hat's ".../data/csaf/v2/advisories/"
 */
export function parseProviderMetadata(json: unknown, metadataUrl: string): CsafProvider {
  const m = (json ?? {}) as ProviderMetadataJson;
  const bad = (field: string, what: string): DomainError => invalidInput(E_CSAF_PROVIDER_INVALID, what, { file: metadataUrl, field });
  if (typeof m.canonical_url !== 'string' || !URL.canParse(m.canonical_url)) throw bad('canonical_url', 'expected an absolute URL');
  if (!Array.isArray(m.distributions) || m.distributions.length === 0) throw bad('distributions', 'expected a non-empty array');
  const rebase = rebaser(m.canonical_url, metadataUrl);
  const provider: CsafProvider = { metadataUrl, canonicalUrl: m.canonical_url, directoryUrls: [], rolieFeedUrls: [], skippedFeeds: [], openPgpKeys: readKeys(m.public_openpgp_keys, bad) };
  (m.distributions as DistributionJson[]).forEach((d, i) => addDistribution(provider, d ?? {}, `distributions[${i}]`, rebase, bad));
  if (provider.directoryUrls.length === 0 && provider.rolieFeedUrls.length === 0) throw bad('distributions', 'no directory_url and no public ROLIE feed');
  return provider;
}

type Bad = (field: string, what: string) => DomainError;

function addDistribution(p: CsafProvider, d: DistributionJson, at: string, rebase: (u: string, field: string) => string, bad: Bad): void {
  if (d.directory_url !== undefined) {
    if (typeof d.directory_url !== 'string') throw bad(`${at}.directory_url`, 'expected a URL');
    const url = rebase(d.directory_url, `${at}.directory_url`);
    p.directoryUrls.push(url.endsWith('/') ? url : `${url}/`);
  }
  if (d.rolie === undefined) return;
  if (!Array.isArray(d.rolie?.feeds)) throw bad(`${at}.rolie.feeds`, 'expected an array');
  (d.rolie.feeds as { url?: unknown; tlp_label?: unknown }[]).forEach((f, j) => {
    if (typeof f?.url !== 'string') throw bad(`${at}.rolie.feeds[${j}].url`, 'expected a URL');
    const url = rebase(f.url, `${at}.rolie.feeds[${j}].url`);
    const publicFeed = f.tlp_label === undefined || f.tlp_label === 'WHITE' || f.tlp_label === 'CLEAR';
    (publicFeed ? p.rolieFeedUrls : p.skippedFeeds).push(url);
  });
}

function readKeys(keys: unknown, bad: Bad): CsafProvider['openPgpKeys'] {
  if (keys === undefined) return [];
  if (!Array.isArray(keys)) throw bad('public_openpgp_keys', 'expected an array');
  return keys.map((k: { url?: unknown; fingerprint?: unknown }, i) => {
    if (typeof k?.url !== 'string') throw bad(`public_openpgp_keys[${i}].url`, 'expected a URL');
    return { url: k.url, ...(typeof k.fingerprint === 'string' ? { fingerprint: k.fingerprint } : {}) };
  });
}

/** Maps URLs under the canonical directory onto the fetched one; refuses other origins. */
function rebaser(canonicalUrl: string, metadataUrl: string): (url: string, field: string) => string {
  const canonicalBase = new URL('.', canonicalUrl).href;
  const actualBase = new URL('.', metadataUrl).href;
  const origin = new URL(metadataUrl).origin;
  return (url, field) => {
    if (!URL.canParse(url)) throw invalidInput(E_CSAF_PROVIDER_INVALID, `"${url}" is not an absolute URL`, { file: metadataUrl, field });
    const resolved = url.startsWith(canonicalBase) ? actualBase + url.slice(canonicalBase.length) : url;
    if (new URL(resolved).origin !== origin) throw invalidInput(E_CSAF_PROVIDER_INVALID, `"${url}" is on another host than the provider metadata (${origin}); refused`, { file: metadataUrl, field });
    return resolved;
  };
}

/**
 * A provider-supplied document path, checked before it names a file under <cache>/csaf/:
 * relative, forward slashes, no empty, "." or ".." segment (also percent-encoded), no scheme,
 * no control characters, ending in ".json".
 */
export function checkCsafRelPath(raw: string, entry: string): string {
  const refuse = (why: string): DomainError => new DomainError(E_CSAF_UNSAFE_PATH, 'invalid_input', `${entry}: path "${raw}" refused: ${why}`);
  if (raw.startsWith('/') || raw.includes('\\')) throw refuse('absolute paths and backslashes are not allowed');
  if (/^[a-z][a-z0-9+.-]*:/i.test(raw)) throw refuse('a URL is not a relative path');
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point
  if (/[\u0000-\u001f]/.test(raw)) throw refuse('control characters');
  const segments = raw.split('/').map(decodeSegment);
  if (segments.some((s) => s === undefined || s === '' || s === '.' || s === '..' || s.includes('/') || s.includes('\\'))) throw refuse('empty, "." or ".." segments');
  if (!raw.endsWith('.json')) throw refuse('not a .json document');
  return raw;
}

function decodeSegment(s: string): string | undefined {
  try {
    return decodeURIComponent(s);
  } catch {
    return undefined;
  }
}
