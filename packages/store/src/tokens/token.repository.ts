import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { newId } from '../shared/ids.js';

export type TokenRole = 'admin' | 'operator' | 'approver' | 'auditor' | 'viewer';

export interface ApiToken {
  id: string;
  name: string;
  role: TokenRole;
  createdAt: string;
  lastUsedAt?: string;
  revokedAt?: string;
}

export interface TokenRepository {
  /** Creates a token; the plaintext is returned once and only its SHA-256 is stored. */
  createToken(name: string, role: TokenRole, at: string): Promise<{ token: string; record: ApiToken }>;
  /** The live (not revoked) token with this plaintext, or undefined. */
  verifyToken(plaintext: string, at: string): Promise<ApiToken | undefined>;
  countTokens(): Promise<number>;
  revokeToken(id: string, at: string): Promise<boolean>;
}

/** sha256 hex of the token text: tokens are 32 random bytes, so a plain hash is enough (no salt/KDF). */
export function hashToken(plaintext: string): string {
  return createHash('sha256').update(plaintext, 'utf8').digest('hex');
}

export class KyselyTokenRepository implements TokenRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async createToken(name: string, role: TokenRole, at: string): Promise<{ token: string; record: ApiToken }> {
    const token = `plt_${randomBytes(32).toString('base64url')}`;
    const id = newId();
    await this.db.insertInto('api_tokens').values({ id, name, role, token_hash: hashToken(token), created_at: at, last_used_at: null, revoked_at: null }).execute();
    return { token, record: { id, name, role, createdAt: at } };
  }

  async verifyToken(plaintext: string, at: string): Promise<ApiToken | undefined> {
    const row = await this.db.selectFrom('api_tokens').selectAll().where('token_hash', '=', hashToken(plaintext)).where('revoked_at', 'is', null).executeTakeFirst();
    if (!row) return undefined;
    if (row.last_used_at === null || row.last_used_at.slice(0, 16) !== at.slice(0, 16)) {
      await this.db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', row.id).execute();
    }
    return { id: row.id, name: row.name, role: row.role as TokenRole, createdAt: row.created_at, lastUsedAt: at };
  }

  async countTokens(): Promise<number> {
    const r = await this.db.selectFrom('api_tokens').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(r.n);
  }

  async revokeToken(id: string, at: string): Promise<boolean> {
    const r = await this.db.updateTable('api_tokens').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }
}
