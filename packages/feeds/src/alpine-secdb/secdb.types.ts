/** One secdb file (`v3.20/main.json`) as Alpine publishes it. */
export interface SecdbFile {
  apkurl?: string;
  archs?: string[];
  reponame?: string;
  urlprefix?: string;
  /** "v3.20", "edge". */
  distroversion: string;
  packages: SecdbPackageEntry[];
}

export interface SecdbPackageEntry {
  pkg: {
    /** The origin (aport) package name. */
    name: string;
    /** First fixed apk version -> the ids it fixes; the key "0" lists ids that never affected the package. */
    secfixes?: Record<string, string[]> | null;
  };
}
