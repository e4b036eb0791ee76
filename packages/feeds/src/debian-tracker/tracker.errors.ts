/** Not JSON, or not an object of packages: the file is refused. */
export const E_TRACKER_INVALID = 'E_TRACKER_INVALID';
