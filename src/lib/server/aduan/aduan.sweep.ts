/**
 * The aduan sweep, a task of the worker loop: (1) escalates overdue aduan once per stage to the
 * unit's supervisors (and, for the verification stage, the agency's petugas and supervisors);
 * (2) closes resolved aduan whose auto-close time has passed. Safe to run twice or in two
 * processes at once: every write is an `update … where` guarded by the state it changes, so only
 * one run wins each row, and notices carry stable dedupe keys.
 */
import { and, asc, eq, gt, inArray, isNull, lt, ne, or } from 'drizzle-orm';
import type { Db } from '../db/client';
import { aduan } from '../db/schema';
import { audit } from '../audit/audit';
import { m } from '../../paraglide/messages.js';
import { notify } from '../notifications/notify';
import { formatDateTime } from '../../shared/format';
import type { PeriodicTask } from '../mail/outbox-worker';
import { AUTO_CLOSE_AFTER_DAYS } from './aduan.rules';
import { AGENCY_UNIT } from './aduan.handling.policy';
import { insertEvent, listPetugasIds, listUnitStaffIds, type Aduan } from './aduan.handling.queries';
import { ID, notifyReporter, staffUrl } from './aduan.handling.guard';
import { aduanStatusLabel } from '../../aduan-labels';

type Stage = 'verify' | 'plan';
const notEscalatedFor = (stage: Stage) => or(isNull(aduan.escalatedFor), ne(aduan.escalatedFor, stage));

/** The aduan past a deadline, by kind: escalation for verification or for the follow-up plan, and the automatic close. */
const OVERDUE = {
	verify: and(eq(aduan.status, 'received'), notEscalatedFor('verify')),
	plan: and(inArray(aduan.status, ['verified', 'in_progress']), isNull(aduan.planPostedAt), notEscalatedFor('plan')),
	close: eq(aduan.status, 'resolved')
};
const DEADLINE = { verify: aduan.verifyBy, plan: aduan.planBy, close: aduan.autoCloseAt };

/** At most `n` aduan of `kind` past their deadline at `now`, after id `after` in id order. */
function findOverdue(db: Db, kind: keyof typeof OVERDUE, now: Date, after: string | undefined, n: number) {
	return db
		.select()
		.from(aduan)
		.where(and(OVERDUE[kind], lt(DEADLINE[kind], now), after ? gt(aduan.id, after) : undefined))
		.orderBy(asc(aduan.id))
		.limit(n);
}

const stageName = (stage: Stage) => (stage === 'verify' ? m.aduan_desk_stage_verify({}, ID) : m.aduan_desk_stage_plan({}, ID));
/** The internal event an escalation writes, and the note of an automatic close (the generator writes them too). */
export const escalationNote = (stage: Stage) => m.aduan_desk_escalation_event({ stage: stageName(stage).toLowerCase() }, ID);
export const autoCloseNote = () => m.aduan_desk_autoclose_note({ days: AUTO_CLOSE_AFTER_DAYS }, ID);

/** The unit's supervisors; when it has none, all its staff (someone must hear of it). */
async function supervisorsOrStaff(tx: Db, unitCode: string) {
	const supervisors = await listUnitStaffIds(tx, unitCode, true);
	return supervisors.length ? supervisors : listUnitStaffIds(tx, unitCode);
}

/** Escalates one aduan for `stage` unless another run did first (then false). */
async function escalate(tx: Db, a: Aduan, stage: Stage, now: Date, publicUrl: string) {
	const statuses: Aduan['status'][] = stage === 'verify' ? ['received'] : ['verified', 'in_progress'];
	const [won] = await tx
		.update(aduan)
		.set({ escalatedFor: stage })
		.where(and(eq(aduan.id, a.id), inArray(aduan.status, statuses), notEscalatedFor(stage)))
		.returning({ id: aduan.id, unitCode: aduan.unitCode });
	if (!won) return false;
	const dueAt = stage === 'verify' ? a.verifyBy : a.planBy!;
	const event = await insertEvent(tx, { aduanId: a.id, kind: 'escalation', body: escalationNote(stage), isInternal: true, authorRole: 'system', createdAt: now });
	const people = stage === 'verify'
		? [...(await listPetugasIds(tx)), ...(await listUnitStaffIds(tx, AGENCY_UNIT, true))]
		: await supervisorsOrStaff(tx, won.unitCode);
	await audit(tx, null, 'aduan.escalate', { type: 'aduan', id: a.id }, { after: { stage, dueAt, notified: people.length } });
	const notice = {
		kind: 'aduan_escalation',
		title: m.aduan_desk_notice_escalation_title({ tracking: a.trackingId }, ID),
		body: m.aduan_desk_notice_escalation_body({ stage: stageName(stage), title: a.title, due: formatDateTime(dueAt, 'id') }, ID),
		url: staffUrl(a),
		dedupeKey: `aduan:${a.id}:escalation:${stage}:${event.id}`,
		email: true
	};
	await notify(tx, people, notice, publicUrl);
	return true;
}

/** Closes one resolved aduan past its auto-close time unless the reporter or another run acted first. */
async function autoClose(tx: Db, a: Aduan, now: Date, publicUrl: string) {
	const [after] = await tx
		.update(aduan)
		.set({ status: 'closed', closedAt: now, updatedAt: now })
		.where(and(eq(aduan.id, a.id), eq(aduan.status, 'resolved'), lt(aduan.autoCloseAt, now)))
		.returning();
	if (!after) return false;
	const note = autoCloseNote();
	const event = await insertEvent(tx, { aduanId: a.id, kind: 'status', fromStatus: 'resolved', toStatus: 'closed', body: note, authorRole: 'system', createdAt: now });
	await audit(tx, null, 'aduan.auto_close', { type: 'aduan', id: a.id }, { before: { status: 'resolved' }, after: { status: 'closed' } });
	const ctx = { db: tx, actor: null, publicUrl };
	await notifyReporter(ctx, tx, after, event.id, m.aduan_desk_notice_title({ tracking: a.trackingId, status: aduanStatusLabel('closed', ID) }, ID), note);
	return true;
}

/** How many aduan a sweep reads at a time: a backlog of any size is worked through in bounded memory. */
export const SWEEP_BATCH = 200;

/**
 * One sweep at `now`: one transaction per aduan so one bad row does not hold back the others,
 * read in batches of `batch`; when `isStopped` turns true (the process is shutting down) the
 * sweep ends after the aduan in hand and the next sweep carries on. Returns how many aduan were
 * escalated and closed.
 */
export async function sweepAduan(db: Db, now: Date, publicUrl: string, opts: { batch?: number; isStopped?: () => boolean } = {}) {
	const { batch = SWEEP_BATCH, isStopped = () => false } = opts;
	const each = async (kind: keyof typeof OVERDUE, handle: (tx: Db, a: Aduan) => Promise<boolean>) => {
		let done = 0;
		let after: string | undefined;
		while (!isStopped()) {
			const rows = await findOverdue(db, kind, now, after, batch);
			for (const a of rows) {
				if (isStopped()) break;
				if (await db.transaction((tx) => handle(tx, a))) done += 1;
			}
			if (rows.length < batch) break;
			after = rows[rows.length - 1].id;
		}
		return done;
	};
	const escalated = (await each('verify', (tx, a) => escalate(tx, a, 'verify', now, publicUrl))) + (await each('plan', (tx, a) => escalate(tx, a, 'plan', now, publicUrl)));
	const closed = await each('close', (tx, a) => autoClose(tx, a, now, publicUrl));
	return { escalated, closed };
}

/** How often each worker process sweeps. */
export const ADUAN_SWEEP_MS = 5 * 60_000;

export const aduanSweepTask = (db: Db, publicUrl: string): PeriodicTask => ({
	name: 'aduan-sweep',
	everyMs: ADUAN_SWEEP_MS,
	run: (now, isStopped) => sweepAduan(db, now, publicUrl, { isStopped })
});
