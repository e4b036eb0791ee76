/** A line longer than the input limit: the file is refused. */
export const E_LINE_TOO_LONG = 'E_LINE_TOO_LONG';
/** A line that belongs to no entry or matches no known shape: the file is refused. */
export const E_DSA_LIST_INVALID = 'E_DSA_LIST_INVALID';
