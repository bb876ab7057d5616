import { createHash, randomBytes } from 'node:crypto';
import { z } from '@hono/zod-openapi';
import { AppError } from '../errors';
import { audit } from '../audit/audit';
import { nowOf, type Ctx } from '../context';
import type { Db } from '../db/client';
import { isAdmin } from '../auth/actor';
import { authorize } from '../admin/admin.policy';
import { m } from '../../paraglide/messages.js';
import { isUuid } from '../../shared/slug';
import { text } from '../validation';
import { findApiKey, findLiveApiKeyByHash, insertApiKey, listApiKeyRows, markApiKeyRevoked, touchApiKey, type ApiKey } from './open311.queries';

/** Issuing, listing and revoking Open311 API keys: admins only. */
export const canManageApiKeys = isAdmin;

export const CreateApiKeySchema = z.object({ name: text(100).openapi({ example: 'Aplikasi Lapor Warga' }) });
export type CreateApiKey = z.infer<typeof CreateApiKeySchema>;
export const ApiKeyIdSchema = z.object({ id: z.string().max(100) });

/** `s311_` and 32 random bytes (base64url): what a client sends as `api_key`. */
export const newApiKeySecret = () => `s311_${randomBytes(32).toString('base64url')}`;
export const hashApiKey = (key: string) => createHash('sha256').update(key, 'utf8').digest('hex');

/** A row without its hash: what lists and the audit log show. */
export const publicKeyFields = ({ keyHash, ...rest }: ApiKey) => (void keyHash, rest);

/**
 * Issues a key (admins). The secret is returned once, here, and stored only as its SHA-256.
 * Audited without the secret or its hash.
 */
export async function createApiKey(ctx: Ctx, input: CreateApiKey): Promise<{ key: string; apiKey: ApiKey }> {
	authorize(ctx.actor, canManageApiKeys);
	const key = newApiKeySecret();
	return ctx.db.transaction(async (tx) => {
		const apiKey = await insertApiKey(tx, { name: input.name, keyHash: hashApiKey(key), createdBy: ctx.actor!.userId, createdAt: nowOf(ctx) });
		await audit(tx, ctx.actor, 'api_key.create', { type: 'api_key', id: apiKey.id }, { after: publicKeyFields(apiKey) });
		return { key, apiKey };
	});
}

/** Every key without its hash, live ones first (admins). */
export async function listApiKeys(ctx: Ctx) {
	authorize(ctx.actor, canManageApiKeys);
	return (await listApiKeyRows(ctx.db)).map(publicKeyFields);
}

/** Revokes a key at once (admins); revoking a revoked key changes nothing. Unknown id → NOT_FOUND. */
export async function revokeApiKey(ctx: Ctx, id: string) {
	authorize(ctx.actor, canManageApiKeys);
	return ctx.db.transaction(async (tx) => {
		const before = isUuid(id) ? await findApiKey(tx, id) : undefined;
		if (!before) throw new AppError('NOT_FOUND', m.open311_key_not_found());
		if (before.revokedAt) return publicKeyFields(before);
		const after = (await markApiKeyRevoked(tx, id, nowOf(ctx)))!;
		await audit(tx, ctx.actor, 'api_key.revoke', { type: 'api_key', id }, { before: publicKeyFields(before), after: publicKeyFields(after) });
		return publicKeyFields(after);
	});
}

/** The live key a client presented, noting its use; undefined for a missing, unknown or revoked key. */
export async function authenticateApiKey(db: Db, key: string | undefined, now: Date) {
	if (!key || key.length > 200) return undefined;
	const found = await findLiveApiKeyByHash(db, hashApiKey(key));
	if (found) await touchApiKey(db, found.id, now);
	return found;
}
