/** One entry of the security tracker's `data/DSA/list` or `data/DLA/list`, as written. */
export interface DsaListEntry {
  /** "DSA-5380-1", "DLA-3380-1". */
  id: string;
  /** The bracketed date, "29 Mar 2023". */
  date: string;
  /** Header text after the id: "xorg-server - security update". */
  title: string;
  /** `{CVE-...}` ids, in order. */
  cves: string[];
  /** `[release] - package version-or-tag` lines. */
  releaseLines: DsaReleaseLine[];
  /** `NOTE:` texts. */
  notes: string[];
  /** 1-based line number of the header. */
  line: number;
}

export interface DsaReleaseLine {
  /** Codename as written: "bullseye". */
  codename: string;
  package: string;
  /** A version, or undefined when a tag stands in its place. */
  version?: string;
  /** "not-affected", "unfixed", "end-of-life" ... (the text inside `<...>`). */
  tag?: string;
  /** The "(reason)" after a tag. */
  reason?: string;
  line: number;
}
