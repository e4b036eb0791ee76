/** A record that does not validate against the OSV schema (rejected as a value). */
export const E_OSV_SCHEMA = 'E_OSV_SCHEMA';
/** A record that is not JSON (rejected as a value, fatal with strict). */
export const E_OSV_JSON = 'E_OSV_JSON';
/** A record that validates but cannot be mapped (e.g. an affected entry without a package). */
export const E_OSV_UNMAPPABLE = 'E_OSV_UNMAPPABLE';
/** A corrupt or truncated zip archive: nothing of it is returned. */
export const E_ZIP_INVALID = 'E_ZIP_INVALID';
/** Too many entries, or an entry whose compression ratio says "bomb". */
export const E_ARCHIVE_BOMB = 'E_ARCHIVE_BOMB';
/** An entry, a file or the archive's total expands past the size limit. */
export const E_INPUT_TOO_LARGE = 'E_INPUT_TOO_LARGE';
/** A path that is neither a file nor a directory of records. */
export const E_OSV_INPUT = 'E_OSV_INPUT';
