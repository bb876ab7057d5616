import { AppError, invalid } from '../errors';
import { audit } from '../audit/audit';
import { nowOf, type Ctx } from '../context';
import type { Db } from '../db/client';
import { m } from '../../paraglide/messages.js';
import { todayWib } from '../validation';
import { formatDate } from '../../shared/format';
import { isPubliclyVisible } from '../posts/posts.rules';
import { notify } from '../notifications/notify';
import { canPlanCampaign } from './campaigns.policy';
import { assignmentDueOn, nextCampaignStatus, selectTargetKims } from './campaigns.rules';
import {
	boardMembersOf, insertAssignments, listCampaignPostRows, listVerifiedKims, updateCampaignRow, type Campaign
} from './campaigns.queries';
import { authorize, loadCampaignForUpdate } from './campaigns.guard';

/** The verified KIMs a launch of `campaign` would assign now. */
export async function targetKimsOf(db: Db, campaign: Pick<Campaign, 'targetKind' | 'targetCodes' | 'targetKimIds'>) {
	return selectTargetKims(await listVerifiedKims(db), { kind: campaign.targetKind, codes: campaign.targetCodes, kimIds: campaign.targetKimIds });
}

/**
 * Launches a draft (staff): in one transaction, one assignment per verified KIM in the target,
 * due on due_on (or ends_on), and a notification (bell + email) to each KIM's pengurus with the
 * dedupe key `assignment:<id>:created`. Refused: not a draft (CONFLICT, e.g. launched twice); a
 * main post that is not published, a campaign already over, or no KIM in the target (INVALID).
 */
export async function launchCampaign(ctx: Ctx, id: string): Promise<{ campaign: Campaign; assignmentsCreated: number }> {
	authorize(ctx, canPlanCampaign(ctx.actor));
	const now = nowOf(ctx);
	const today = todayWib(now);
	return ctx.db.transaction(async (tx) => {
		const before = await loadCampaignForUpdate(tx, id);
		const next = nextCampaignStatus(before.status, 'launch');
		if (!next.ok) throw new AppError('CONFLICT', m.campaign_err_already_launched());
		const [main] = await listCampaignPostRows(tx, before.id);
		if (!main || !isPubliclyVisible(main, now)) throw invalid([{ path: 'post_ids', message: m.campaign_err_main_unpublished() }], m.campaign_err_main_unpublished());
		if (before.endsOn < today) throw invalid([{ path: 'ends_on', message: m.campaign_err_ended() }], m.campaign_err_ended());
		const targets = await targetKimsOf(tx, before);
		if (!targets.length) throw invalid([{ path: 'target', message: m.campaign_err_no_kims() }], m.campaign_err_no_kims());
		const dueOn = assignmentDueOn(before);
		const created = await insertAssignments(tx, targets.map((k) => ({ campaignId: before.id, kimId: k.id, status: 'new' as const, dueOn, createdAt: now })));
		const campaign = await updateCampaignRow(tx, before.id, { status: next.status, launchedAt: now, updatedAt: now });
		const board = await boardMembersOf(tx, targets.map((k) => k.id));
		const names = new Map(targets.map((k) => [k.id, k.name]));
		for (const a of created) {
			const kim = names.get(a.kimId) ?? '';
			await notify(tx, board.filter((b) => b.kimId === a.kimId).map((b) => b.userId), {
				kind: 'assignment_created',
				title: m.campaign_notice_created_title({ title: campaign.title }, { locale: 'id' }),
				body: m.campaign_notice_created_body({ kim, due: formatDate(dueOn) }, { locale: 'id' }),
				url: '/tugas',
				dedupeKey: `assignment:${a.id}:created`,
				email: true
			}, ctx.publicUrl);
		}
		await audit(tx, ctx.actor, 'campaign.launch', { type: 'campaign', id: before.id }, {
			before: { status: before.status },
			after: { status: campaign.status, assignments: created.map((a) => ({ id: a.id, kimId: a.kimId, dueOn: a.dueOn })) }
		});
		return { campaign, assignmentsCreated: created.length };
	});
}

/** Ends an active campaign (staff): its assignments can no longer change. */
export async function finishCampaign(ctx: Ctx, id: string): Promise<Campaign> {
	authorize(ctx, canPlanCampaign(ctx.actor));
	const now = nowOf(ctx);
	return ctx.db.transaction(async (tx) => {
		const before = await loadCampaignForUpdate(tx, id);
		const next = nextCampaignStatus(before.status, 'finish');
		if (!next.ok) throw new AppError('CONFLICT', m.campaign_err_cannot_finish());
		const campaign = await updateCampaignRow(tx, before.id, { status: next.status, finishedAt: now, updatedAt: now });
		await audit(tx, ctx.actor, 'campaign.finish', { type: 'campaign', id: before.id }, { before: { status: before.status }, after: { status: campaign.status } });
		return campaign;
	});
}
