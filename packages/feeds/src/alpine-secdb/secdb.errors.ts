/** A secdb file that is not JSON or lacks `distroversion` / `packages`: the file is refused. */
export const E_SECDB_INVALID = 'E_SECDB_INVALID';
/** A secfixes item whose id is malformed (`CVE_2019-2426`): rejected as a value. */
export const E_SECDB_ITEM_INVALID = 'E_SECDB_ITEM_INVALID';
/** A line longer than the input limit (secdb files are pretty-printed, one item per line). */
export const E_LINE_TOO_LONG = 'E_LINE_TOO_LONG';
/** A path that is neither a secdb file nor a directory holding some. */
export const E_SECDB_INPUT = 'E_SECDB_INPUT';
