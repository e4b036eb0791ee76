/** Line 1 of an EPSS file: `#model_version:v2025.03.14,score_date:2025-04-15T12:55:00Z`. */
export interface EpssFileHeader {
  modelVersion: string;
  /** score_date verbatim (ISO date-time). */
  scoreDate: string;
}

/** One data row as text fields, with its 1-based line number. */
export interface EpssRow {
  line: number;
  /** The row exactly as read (without the line break): hashed for provenance. */
  text: string;
  cve: string;
  epss: string;
  percentile: string;
}

/** The column header FIRST publishes on line 2. */
export const EPSS_COLUMNS = 'cve,epss,percentile';
