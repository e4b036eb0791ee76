/** What a sync knows after its first request. */
export interface NvdPagePlan {
  totalResults: number;
  /** Page size of the sync (the API allows at most 2,000 CVEs per page). */
  resultsPerPage: number;
  /** Where the first fetched page started (default 0). */
  startIndex?: number;
}

/** The CVE API 2.0 maximum page size. */
export const NVD_MAX_RESULTS_PER_PAGE = 2000;

/**
 * The startIndex of every page a sync must fetch to cover totalResults, in order. Pure: the
 * fetching (and its rate limits) belongs to the caller. Throws RangeError on a page size
 * outside 1..2000 or a negative/non-integer count.
 *
 * @example
 * listNvdPageStartIndexes({ totalResults: 4500, resultsPerPage: 2000 }); // [0, 2000, 4000]
 */
export function listNvdPageStartIndexes({ totalResults, resultsPerPage, startIndex = 0 }: NvdPagePlan): number[] {
  if (!Number.isInteger(resultsPerPage) || resultsPerPage < 1 || resultsPerPage > NVD_MAX_RESULTS_PER_PAGE) {
    throw new RangeError(`resultsPerPage must be an integer in 1..${NVD_MAX_RESULTS_PER_PAGE}, got ${resultsPerPage}`);
  }
  for (const [name, value] of [['totalResults', totalResults], ['startIndex', startIndex]] as const) {
    if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
  }
  const starts: number[] = [];
  for (let start = startIndex; start < totalResults; start += resultsPerPage) starts.push(start);
  return starts;
}
