import type { Generated } from 'kysely';

/**
 * Row types: the database's own shape (snake_case). Repositories map them to domain types with
 * named mappers (assetRowToAsset ...). Timestamps are ISO-8601 UTC strings on both engines
 * (PostgreSQL timestamptz is parsed back to ISO text in postgres/pg-types.ts). JSON columns hold
 * text on SQLite and jsonb on PostgreSQL; mappers accept both (see shared/json.ts).
 */
export interface AssetRow {
  id: string;
  kind: string;
  name: string;
  os_family: string | null;
  os_id: string | null;
  os_name: string | null;
  os_version: string | null;
  os_codename: string | null;
  arch: string | null;
  kernel_running: string | null;
  kernels_installed: unknown;
  reboot_required: number | null;
  addresses: unknown;
  environment: string | null;
  criticality: number;
  exposure: string;
  owner: string | null;
  tags: unknown;
  groups: unknown;
  first_seen: string;
  last_seen: string;
  source: string;
  updated_at: string;
  inventory_hash: string | null;
  updates_available: unknown;
  findings_stale_since: string | null;
}

/** One package on one asset over a time interval [valid_from, valid_to); valid_to null = installed now. */
export interface AssetSoftwareRow {
  id: Generated<number>;
  asset_id: string;
  ecosystem: string;
  name: string;
  version: string;
  source_name: string | null;
  source_version: string | null;
  arch: string | null;
  purl: string | null;
  valid_from: string;
  valid_to: string | null;
  /** packageKeyHash of the full key, for current rows (migration 20261127T0300); NULL on older rows. */
  key_hash: number | null;
}

export interface ApiTokenRow {
  id: string;
  name: string;
  role: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface FindingRow {
  finding_key: string;
  asset_id: string;
  advisory_id: string;
  advisory_source: string;
  vulnerability_ids: unknown;
  ecosystem: string;
  package_name: string;
  package_version: string;
  arch: string | null;
  source_name: string | null;
  source_version: string | null;
  fixed_version: string | null;
  status: string;
  explanation: unknown;
  first_seen: string;
  last_seen: string;
  resolved_at: string | null;
  reopened_count: number;
}

export interface FeedSourceRow {
  source: string;
  active_version_id: string | null;
  last_attempt_at: string | null;
  last_success_at: string | null;
  last_error: string | null;
  last_error_at: string | null;
  etag: string | null;
  last_modified: string | null;
  url: string | null;
}

export interface FeedVersionRow {
  id: string;
  source: string;
  input_hash: string;
  content_hash: string;
  records: number;
  advisories: number;
  intel: number;
  rejected: number;
  data_date: string | null;
  fetched_at: string;
  imported_at: string;
  origin: string | null;
}

export interface AdvisoryDbRow {
  version_id: string;
  record_id: string;
  source: string;
  advisory_id: string;
  content_hash: string;
  doc: unknown;
}

export interface AdvisoryPackageRow {
  version_id: string;
  record_id: string;
  ecosystem: string;
  kind: string;
  name: string;
}

/** A package group's advisories in one feed version, as a scan looks them up (migration 20261127T0200). */
export interface AdvisoryMatchGroupRow {
  ecosystem: string;
  name: string;
  version_id: string;
  kind: string;
  /** JSON: [record id, advisory id, plain fixed version (core plainFixedVersionOf) or null][]. */
  entries: unknown;
}

/** An advisory without its prose, what matching and assessment read (migration 20261127T0200). */
export interface AdvisoryMatchDocRow {
  version_id: string;
  record_id: string;
  doc: unknown;
}

export interface VulnIntelRow {
  version_id: string;
  cve_id: string;
  source: string;
  content_hash: string;
  doc: unknown;
}

export interface RiskAcceptanceRow {
  id: string;
  vulnerability_id: string;
  scope: unknown;
  reason: string;
  requested_by: string;
  requested_at: string;
  approved_by: string | null;
  approved_at: string | null;
  expires_at: string;
  revoked_at: string | null;
}

export interface VexStatementRow {
  id: string;
  document_id: string;
  vulnerability_id: string;
  status: string;
  doc: unknown;
  imported_at: string;
}

export interface EnrollmentTokenRow {
  id: string;
  name: string;
  token_hash: string;
  max_uses: number;
  use_count: number;
  created_at: string;
  expires_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface AgentRow {
  id: string;
  asset_id: string;
  secret_hash: string;
  enrollment_token_id: string | null;
  agent_version: string;
  allowed_job_kinds: unknown;
  enrolled_at: string;
  last_check_in_at: string | null;
  revoked_at: string | null;
}

/** One agent job; result columns are null until the job ends. */
export interface JobRow {
  id: string;
  asset_id: string;
  kind: string;
  args: unknown;
  idempotency_key: string;
  state: string;
  attempts: number;
  max_attempts: number;
  backoff_seconds: unknown;
  not_before: string | null;
  expires_at: string | null;
  run_after: string;
  timeout_seconds: number;
  lease_owner: string | null;
  lease_expires_at: string | null;
  created_at: string;
  updated_at: string;
  started_at: string | null;
  finished_at: string | null;
  failure_reason: string | null;
  exit_code: number | null;
  log_tail: string | null;
  log_truncated: number | null;
  packages_before: unknown;
  packages_after: unknown;
  signature: string | null;
}

export interface Database {
  risk_acceptances: RiskAcceptanceRow;
  vex_statements: VexStatementRow;
  feed_sources: FeedSourceRow;
  feed_versions: FeedVersionRow;
  advisories: AdvisoryDbRow;
  advisory_packages: AdvisoryPackageRow;
  advisory_match_groups: AdvisoryMatchGroupRow;
  advisory_match_docs: AdvisoryMatchDocRow;
  vuln_intel: VulnIntelRow;
  findings: FindingRow;
  assets: AssetRow;
  asset_software: AssetSoftwareRow;
  api_tokens: ApiTokenRow;
  enrollment_tokens: EnrollmentTokenRow;
  agents: AgentRow;
  jobs: JobRow;
}
