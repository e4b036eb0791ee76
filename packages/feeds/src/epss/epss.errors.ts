/** Line 1 (the #model_version/score_date comment) or line 2 (the cve,epss,percentile header) is missing or garbled. */
export const E_EPSS_INVALID = 'E_EPSS_INVALID';
/** A line longer than the input limit (maxLineBytes): refused before it is buffered whole. */
export const E_LINE_TOO_LONG = 'E_LINE_TOO_LONG';
