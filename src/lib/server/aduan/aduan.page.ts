/**
 * What the public tracking page shows, built from the same view as the API (so the privacy rules
 * are the API's): the steps received → verified → in progress → resolved → closed with dates,
 * the current deadline in plain words, and sharing only for public aduan.
 */
import { nowOf, type Ctx } from '../context';
import { formatDateTime } from '../../shared/format';
import { m } from '../../paraglide/messages.js';
import { whatsappShareUrl } from '../portal/seo';
import { canSeeReporter, isFiler } from './aduan.policy';
import { aduanDetail, loadVisibleAduan } from './aduan.read.actions';
import { presentAduan, PRIVACY_TEXT } from './aduan.present';
import { aduanStatusLabel } from '../../aduan-labels';

const STEPS = ['received', 'verified', 'in_progress', 'resolved', 'closed'] as const;

const STAGE_TEXT = {
	verify: (at: string) => m.aduan_due_verify({ at }),
	plan: (at: string) => m.aduan_due_plan({ at }),
	close: (at: string) => m.aduan_due_close({ at })
};

/** The tracking page's data for `trackingId` (NOT_FOUND when unknown or hidden from the actor). */
export async function trackingPageData(ctx: Ctx, trackingId: string, locale = 'id') {
	const a = await loadVisibleAduan(ctx, trackingId);
	const view = presentAduan(ctx.actor, await aduanDetail(ctx, a), nowOf(ctx));
	const reached = new Map<string, string>();
	for (const h of view.history) reached.set(h.status, h.at);
	const order = STEPS.indexOf(view.status as (typeof STEPS)[number]);
	const steps = STEPS.map((s, i) => ({
		status: s,
		label: aduanStatusLabel(s),
		at: reached.has(s) ? formatDateTime(reached.get(s)!, locale) : null,
		state: view.status === 'rejected' ? (reached.has(s) ? 'done' : 'skipped') : i < order ? 'done' : i === order ? 'current' : 'todo'
	}));
	const due = view.due.current;
	const url = `${ctx.publicUrl}/aduan/${view.tracking_id}`;
	return {
		view,
		steps,
		rejected: view.status === 'rejected' ? { at: reached.has('rejected') ? formatDateTime(reached.get('rejected')!, locale) : null, reason: view.reject_reason } : null,
		filedAt: formatDateTime(view.created_at, locale),
		dueText: due ? STAGE_TEXT[due.stage](formatDateTime(due.due_at, locale)) : null,
		overdue: due?.overdue ?? false,
		privacyLabel: PRIVACY_TEXT[view.privacy].label(),
		isPrivileged: canSeeReporter(ctx.actor, a),
		isFiler: isFiler(ctx.actor, a),
		share: view.privacy === 'public' ? { url, whatsapp: whatsappShareUrl(`${view.title} (${view.tracking_id})`, url) } : null
	};
}
