import type { Clock } from '@patchloop/core';
import type { TokenRepository } from '@patchloop/store';

/**
 * On the very first start (no token exists yet) creates an admin token and returns its plaintext
 * so the caller can print it once; later starts return undefined. Only the hash is stored.
 */
export async function ensureAdminToken(tokens: TokenRepository, clock: Clock): Promise<string | undefined> {
  if ((await tokens.countTokens()) > 0) return undefined;
  const { token } = await tokens.createToken('initial-admin', 'admin', clock.nowIso());
  return token;
}
