import { AppError } from '../errors';
import { audit } from '../audit/audit';
import { nowOf, type Ctx } from '../context';
import { m } from '../../paraglide/messages.js';
import { canPlanCampaign } from './campaigns.policy';
import { isEditableCampaign } from './campaigns.rules';
import type { CreateCampaign, TargetInput, UpdateCampaign } from './campaigns.schema';
import { insertCampaign, listCampaignPostRows, setCampaignPosts, updateCampaignRow, type Campaign, type NewCampaign } from './campaigns.queries';
import { assertRefs, authorize, loadCampaignForUpdate } from './campaigns.guard';

const targetColumns = (t: TargetInput) => ({
	targetKind: t.kind,
	targetCodes: t.kind === 'kelurahan' ? [...new Set(t.codes ?? [])] : [],
	targetKimIds: t.kind === 'kims' ? [...new Set(t.kim_ids ?? [])] : []
});

/**
 * Plans a draft campaign (petugas, admin). Posts must exist (the first is the main post);
 * kelurahan must belong to the home city and KIMs must exist; ends_on ≥ starts_on and due_on
 * within them. The main post need not be published yet — launch checks that.
 */
export async function createCampaign(ctx: Ctx, input: CreateCampaign): Promise<Campaign> {
	authorize(ctx, canPlanCampaign(ctx.actor));
	const now = nowOf(ctx);
	const target = targetColumns(input.target);
	return ctx.db.transaction(async (tx) => {
		const dueOn = input.due_on ?? null;
		await assertRefs(tx, { startsOn: input.starts_on, endsOn: input.ends_on, dueOn, postIds: input.post_ids, ...target });
		const campaign = await insertCampaign(tx, {
			title: input.title,
			objective: input.objective,
			keyMessages: input.key_messages,
			whatsappTemplate: input.whatsapp_template,
			priority: input.priority,
			startsOn: input.starts_on,
			endsOn: input.ends_on,
			dueOn,
			...target,
			targetReach: input.target_reach,
			status: 'draft',
			createdBy: ctx.actor!.userId,
			createdAt: now,
			updatedAt: now
		});
		await setCampaignPosts(tx, campaign.id, input.post_ids);
		await audit(tx, ctx.actor, 'campaign.create', { type: 'campaign', id: campaign.id }, { after: { ...campaign, postIds: input.post_ids } });
		return campaign;
	});
}

/** Edits a draft campaign (staff); absent fields stay. A launched campaign is not edited (CONFLICT). */
export async function updateCampaign(ctx: Ctx, id: string, input: UpdateCampaign): Promise<Campaign> {
	authorize(ctx, canPlanCampaign(ctx.actor));
	return ctx.db.transaction(async (tx) => {
		const before = await loadCampaignForUpdate(tx, id);
		if (!isEditableCampaign(before.status)) throw new AppError('CONFLICT', m.campaign_err_not_draft());
		const postsBefore = (await listCampaignPostRows(tx, before.id)).map((p) => p.id);
		const patch: Partial<NewCampaign> = {
			...(input.title !== undefined ? { title: input.title } : {}),
			...(input.objective !== undefined ? { objective: input.objective } : {}),
			...(input.key_messages !== undefined ? { keyMessages: input.key_messages } : {}),
			...(input.whatsapp_template !== undefined ? { whatsappTemplate: input.whatsapp_template } : {}),
			...(input.priority !== undefined ? { priority: input.priority } : {}),
			...(input.starts_on !== undefined ? { startsOn: input.starts_on } : {}),
			...(input.ends_on !== undefined ? { endsOn: input.ends_on } : {}),
			...(input.due_on !== undefined ? { dueOn: input.due_on } : {}),
			...(input.target !== undefined ? targetColumns(input.target) : {}),
			...(input.target_reach !== undefined ? { targetReach: input.target_reach } : {})
		};
		const merged = { ...before, ...patch } as Campaign;
		const postIds = input.post_ids ?? postsBefore;
		await assertRefs(tx, { startsOn: merged.startsOn, endsOn: merged.endsOn, dueOn: merged.dueOn, postIds, targetKind: merged.targetKind, targetCodes: merged.targetCodes, targetKimIds: merged.targetKimIds });
		const after = await updateCampaignRow(tx, before.id, { ...patch, updatedAt: nowOf(ctx) });
		if (input.post_ids) await setCampaignPosts(tx, before.id, input.post_ids);
		await audit(tx, ctx.actor, 'campaign.update', { type: 'campaign', id: before.id }, { before: { ...before, postIds: postsBefore }, after: { ...after, postIds } });
		return after;
	});
}
