/** Limits applied to every feed input, so a hostile or broken file fails fast and clearly. */
export interface InputLimits {
  /** Largest decompressed size of one file or archive entry, bytes. */
  maxExpandedBytes: number;
  /** Largest decompressed/compressed ratio (zip/gzip/bz2 bombs). */
  maxRatio: number;
  /** Most entries in one archive. */
  maxEntries: number;
  /** Longest line in a line-oriented format (CSV, DSA lists, secdb). */
  maxLineBytes: number;
}

export const DEFAULT_INPUT_LIMITS: InputLimits = {
  maxExpandedBytes: 2 * 1024 * 1024 * 1024,
  maxRatio: 200,
  maxEntries: 500_000,
  maxLineBytes: 1024 * 1024,
};
