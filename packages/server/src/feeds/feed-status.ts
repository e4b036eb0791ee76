import { DEFAULT_FRESHNESS_MS } from '@patchloop/feeds';
import type { FeedSourceStatus } from '@patchloop/store';

export interface FeedStatusLine extends FeedSourceStatus {
  /** Age of the data (from its data date, else from the last success), seconds. */
  ageSeconds?: number;
  maxAgeSeconds: number;
  stale: boolean;
}

/**
 * Status per source with age and staleness. The data date counts when the source has one (old
 * data is stale even if it was fetched a minute ago); otherwise the last successful import does.
 * A source that never succeeded is stale.
 */
export function buildFeedStatus(rows: readonly FeedSourceStatus[], nowIso: string, overrides: Partial<Record<string, number>> = {}): FeedStatusLine[] {
  const now = Date.parse(nowIso);
  return rows.map((r) => {
    const maxAgeMs = overrides[r.source] ?? DEFAULT_FRESHNESS_MS[r.source as keyof typeof DEFAULT_FRESHNESS_MS] ?? 2 * 86_400_000;
    const since = r.dataDate ?? r.lastSuccessAt;
    const ageMs = since ? now - Date.parse(since) : undefined;
    return { ...r, ...(ageMs !== undefined ? { ageSeconds: Math.round(ageMs / 1000) } : {}), maxAgeSeconds: Math.round(maxAgeMs / 1000), stale: ageMs === undefined || ageMs > maxAgeMs };
  });
}
