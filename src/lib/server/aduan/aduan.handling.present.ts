/** Aduan handling: rows → API/page shapes (never rows). */
import { z } from '@hono/zod-openapi';
import { dueOf, type AduanDue } from './aduan.rules';
import type { Aduan, AduanEvent } from './aduan.handling.queries';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const DueOut = z
	.object({
		verify_by: z.string(),
		plan_by: z.string().nullable(),
		auto_close_at: z.string().nullable(),
		current: z.object({ stage: z.enum(['verify', 'plan', 'close']), due_at: z.string(), overdue: z.boolean(), due_today: z.boolean() }).nullable()
	})
	.openapi('AduanDue');

export const presentDue = (a: Aduan, now: Date) => {
	const d: AduanDue = dueOf(a, now);
	return {
		verify_by: a.verifyBy.toISOString(),
		plan_by: iso(a.planBy),
		auto_close_at: iso(a.autoCloseAt),
		current: d ? { stage: d.stage, due_at: d.dueAt.toISOString(), overdue: d.overdue, due_today: d.dueToday } : null
	};
};

export const AduanStateOut = z
	.object({ id: z.uuid(), tracking_id: z.string(), status: z.string(), unit_code: z.string(), reopen_count: z.number().int(), due: DueOut })
	.openapi('AduanState');

/** The staff view of an aduan's state (what a transition answers). */
export const presentState = (a: Aduan, now: Date) => ({
	id: a.id,
	tracking_id: a.trackingId,
	status: a.status,
	unit_code: a.unitCode,
	reopen_count: a.reopenCount,
	due: presentDue(a, now)
});

export const EventOut = z
	.object({
		id: z.number().int(),
		kind: z.string(),
		from_status: z.string().nullable(),
		to_status: z.string().nullable(),
		from_unit: z.string().nullable(),
		to_unit: z.string().nullable(),
		body: z.string().nullable(),
		internal: z.boolean(),
		author_role: z.string(),
		author_name: z.string().nullable(),
		created_at: z.string()
	})
	.openapi('AduanEvent');

/**
 * One thread entry. Staff names are shown to everyone who may read the thread; the reporter's
 * own name only to staff (`showReporter`), as "Pelapor" otherwise.
 */
export const presentEvent = (e: AduanEvent, authorName: string | null, showReporter: boolean) => ({
	id: e.id,
	kind: e.kind,
	from_status: e.fromStatus,
	to_status: e.toStatus,
	from_unit: e.fromUnit,
	to_unit: e.toUnit,
	body: e.body,
	internal: e.isInternal,
	author_role: e.authorRole,
	author_name: e.authorRole === 'system' ? null : e.authorRole === 'reporter' && !showReporter ? null : authorName,
	created_at: e.createdAt.toISOString()
});
export type EventView = ReturnType<typeof presentEvent>;
