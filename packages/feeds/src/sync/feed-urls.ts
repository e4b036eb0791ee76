import type { FeedSourceName } from '../feed-format.js';

/** One file a source publishes: where to fetch it and where it lives under <cacheDir>/<source>/. */
export interface FeedFileLocation {
  /** Production URL (or mirror URL when a mirror is configured). */
  url: string;
  /** Path under <cacheDir>/<source>/ (forward slashes). */
  relPath: string;
  /** Stable path under a mirror base URL (documented in sync/README.md). */
  mirrorPath: string;
}

/** Which releases and ecosystems to fetch; every list has a production default. */
export interface FeedSelection {
  debianReleases?: readonly string[];
  ubuntuReleases?: readonly string[];
  /** Alpine releases as x.y (a leading "v" is accepted), or "edge". */
  alpineReleases?: readonly string[];
  osvEcosystems?: readonly string[];
}

export const DEFAULT_FEED_SELECTION: Required<FeedSelection> = {
  debianReleases: ['bookworm'],
  ubuntuReleases: ['noble'],
  alpineReleases: ['3.22'],
  osvEcosystems: ['Go', 'npm', 'PyPI', 'Maven', 'Debian', 'Alpine'],
};

/** How a source is brought in: fixed files, the NVD API (paged), a CSAF provider, or only by `feeds import`. */
export type FeedSyncMode = 'files' | 'nvd-api' | 'csaf-provider' | 'import-only';

/** The CVE API 2.0 endpoint (paged with resultsPerPage/startIndex). */
export const NVD_API_URL = 'https://services.nvd.nist.gov/rest/json/cves/2.0';

/** Red Hat's CSAF trusted provider (CSAF 2.0 section 7.1.20); `--csaf-provider` picks another. */
export const CSAF_PROVIDER_METADATA_URL = 'https://security.access.redhat.com/data/csaf/v2/provider-metadata.json';

/** Under a mirror: a copy of the provider tree whose provider-metadata.json is here. */
export const CSAF_MIRROR_PATH = 'csaf/provider-metadata.json';

const DEBIAN_TRACKER_RAW = 'https://salsa.debian.org/security-tracker-team/security-tracker/-/raw/master/data';

/** Why a source is import-only, shown by `feeds sync`. */
export const IMPORT_ONLY_REASONS: Partial<Record<FeedSourceName, string>> = {
  cve5: 'no single official bulk file (CVE 5 records live in the cisagov/vulnrichment git repository): clone it and run `patchloop feeds import DIR --source cve5`',
};

/** How `feeds sync` brings a source in. */
export function feedSyncMode(source: FeedSourceName): FeedSyncMode {
  if (source === 'nvd') return 'nvd-api';
  if (source === 'csaf') return 'csaf-provider';
  return IMPORT_ONLY_REASONS[source] ? 'import-only' : 'files';
}

type Locator = (sel: Required<FeedSelection>) => (Omit<FeedFileLocation, 'url'> & { official: string })[];

const LOCATORS: Partial<Record<FeedSourceName, Locator>> = {
  kev: () => [{ official: 'https://www.cisa.gov/sites/default/files/feeds/known_exploited_vulnerabilities.json', relPath: 'known_exploited_vulnerabilities.json', mirrorPath: 'kev/known_exploited_vulnerabilities.json' }],
  epss: () => [{ official: 'https://epss.empiricalsecurity.com/epss_scores-current.csv.gz', relPath: 'epss_scores-current.csv.gz', mirrorPath: 'epss/epss_scores-current.csv.gz' }],
  'debian-oval': (s) => s.debianReleases.map((r) => ({ official: `https://www.debian.org/security/oval/oval-definitions-${r}.xml.bz2`, relPath: `oval-definitions-${r}.xml.bz2`, mirrorPath: `debian/oval/oval-definitions-${r}.xml.bz2` })),
  'ubuntu-oval': (s) => s.ubuntuReleases.map((r) => ({ official: `https://security-metadata.canonical.com/oval/com.ubuntu.${r}.usn.oval.xml.bz2`, relPath: `com.ubuntu.${r}.usn.oval.xml.bz2`, mirrorPath: `ubuntu/oval/com.ubuntu.${r}.usn.oval.xml.bz2` })),
  'alpine-secdb': (s) => s.alpineReleases.map(alpineBranch).flatMap((v) => ['main', 'community'].map((repo) => ({ official: `https://secdb.alpinelinux.org/${v}/${repo}.json`, relPath: `${v}/${repo}.json`, mirrorPath: `alpine/secdb/${v}/${repo}.json` }))),
  osv: (s) => s.osvEcosystems.map((e) => ({ official: `https://osv-vulnerabilities.storage.googleapis.com/${encodeURIComponent(e)}/all.zip`, relPath: `${e}/all.zip`, mirrorPath: `osv/${e}/all.zip` })),
  'debian-dsa': () => ['DSA', 'DLA'].map((kind) => ({ official: `${DEBIAN_TRACKER_RAW}/${kind}/list`, relPath: `${kind}/list`, mirrorPath: `debian/security-tracker/data/${kind}/list` })),
  'debian-tracker': () => [{ official: 'https://security-tracker.debian.org/tracker/data/json', relPath: 'tracker.json', mirrorPath: 'debian/tracker/data.json' }],
};

/**
 * The files a file-based source is synced from, at their official URLs or under a mirror.
 * Returns [] for NVD (paged API), CSAF (listed by the provider, see csaf-sync.ts) and import-only sources.
 *
 * @example
 * listFeedFiles('alpine-secdb', { alpineReleases: ['3.20'] });
 * // [{ url: 'https://secdb.alpinelinux.org/v3.20/main.json', relPath: 'v3.20/main.json', mirrorPath: 'alpine/secdb/v3.20/main.json' }, ...community]
 */
export function listFeedFiles(source: FeedSourceName, selection: FeedSelection = {}, mirror?: string): FeedFileLocation[] {
  const sel = { ...DEFAULT_FEED_SELECTION, ...definedOnly(selection) };
  const locate = LOCATORS[source];
  if (!locate) return [];
  return locate(sel).map(({ official, relPath, mirrorPath }) => ({ url: mirror ? mirrorUrl(mirror, mirrorPath) : official, relPath, mirrorPath }));
}

/** A path under a mirror base URL (the base may end in a slash or not). */
export function mirrorUrl(mirror: string, mirrorPath: string): string {
  return new URL(mirrorPath, mirror.endsWith('/') ? mirror : `${mirror}/`).toString();
}

/** "3.20", "v3.20" -> "v3.20"; "edge" stays. */
export function alpineBranch(release: string): string {
  return release === 'edge' || release.startsWith('v') ? release : `v${release}`;
}

function definedOnly(sel: FeedSelection): FeedSelection {
  return Object.fromEntries(Object.entries(sel).filter(([, v]) => v !== undefined && (v as readonly string[]).length > 0));
}
