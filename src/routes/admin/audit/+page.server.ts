import type { PageServerLoad } from './$types';
import { requireAdminPage } from '$lib/server/admin/guard';
import { zodFieldErrors } from '$lib/server/http/problem';
import { AuditQuerySchema } from '$lib/server/admin/admin.schema';
import { browseAudit } from '$lib/server/admin/admin.actions';
import { presentAuditEntry } from '$lib/server/admin/admin.present';
import { recentAuditVocabulary } from '$lib/server/audit/audit.queries';

export const load: PageServerLoad = async (event) => {
	requireAdminPage(event);
	const raw = Object.fromEntries(event.url.searchParams);
	const parsed = AuditQuerySchema.safeParse(raw);
	const query = parsed.success ? parsed.data : AuditQuerySchema.parse({});
	const [page, vocabulary] = await Promise.all([
		browseAudit(event.locals.ctx, query),
		recentAuditVocabulary(event.locals.ctx.db)
	]);
	return {
		entries: page.entries.map(presentAuditEntry),
		nextBeforeId: page.nextBeforeId,
		filter: { action: raw.action ?? '', entity_type: raw.entity_type ?? '', actor: raw.actor ?? '', from: raw.from ?? '', to: raw.to ?? '' },
		isFirstPage: !query.before_id,
		errors: parsed.success ? [] : zodFieldErrors(parsed.error),
		vocabulary
	};
};
