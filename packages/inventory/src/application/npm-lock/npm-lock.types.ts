/** The parts of an npm package-lock.json / npm-shrinkwrap.json the inventory reads. */
export interface NpmLockfile {
  name?: string;
  version?: string;
  lockfileVersion: number;
  /** lockfileVersion 2 and 3: install path ("node_modules/a/node_modules/b") -> entry; "" is the root. */
  packages?: Record<string, NpmLockPackage>;
  /** lockfileVersion 1 (and 2, for old npm): the nested dependency tree. */
  dependencies?: Record<string, NpmLockV1Dependency>;
}

/** One entry of the v2/v3 `packages` map. dev/optional are kept by the lockfile, not by the inventory. */
export interface NpmLockPackage {
  name?: string;
  version?: string;
  link?: boolean;
  dev?: boolean;
  optional?: boolean;
  devOptional?: boolean;
}

/** One entry of the v1 `dependencies` tree. */
export interface NpmLockV1Dependency {
  version?: string;
  dev?: boolean;
  optional?: boolean;
  bundled?: boolean;
  dependencies?: Record<string, NpmLockV1Dependency>;
}
