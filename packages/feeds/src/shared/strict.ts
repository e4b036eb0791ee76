import { DomainError } from '@patchloop/core';
import type { FeedParseResult } from '../feed-format.js';

/**
 * --strict: one invalid record refuses the whole input. Throws E_FEED_STRICT listing the first
 * rejections; otherwise returns the result unchanged.
 */
export function enforceStrict(result: FeedParseResult, strict: boolean | undefined, file: string): FeedParseResult {
  if (!strict || result.rejected.length === 0) return result;
  const first = result.rejected.slice(0, 5).map((r) => `${r.location}${r.recordId ? ` ${r.recordId}` : ''}: ${r.reason}`);
  const more = result.rejected.length > 5 ? ` (and ${result.rejected.length - 5} more)` : '';
  throw new DomainError('E_FEED_STRICT', 'invalid_input', `--strict: ${result.rejected.length} invalid record(s), nothing imported: ${first.join('; ')}${more}`, { location: { file } });
}
