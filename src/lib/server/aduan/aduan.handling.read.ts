/** Reads for the handling pages and API: the board, the staff detail, the reporter's own page. */
import { nowOf, type Ctx } from '../context';
import { AppError } from '../errors';
import { m } from '../../paraglide/messages.js';
import { canReopen, dueOf, mayTransition, workingDaysBetween, wibDate, type AduanStatus } from './aduan.rules';
import { actorKindsFor, boardScope, canHandle, canReassign, canUseBoard, isAgency, isReporterOf } from './aduan.handling.policy';
import {
	findAduanById, findAduanByTracking, findAduanNames, listAduanKelurahan, listAduanPhotos, listBoardRows, listCategories, listEvents, listUnits, loadHolidaySet, type Aduan
} from './aduan.handling.queries';
import { authorize, aduanNotFound } from './aduan.handling.guard';
import { presentDue, presentEvent } from './aduan.handling.present';
import type { BoardQuery } from './aduan.handling.schema';

/** Plain words for a deadline: "tenggat hari ini", "tenggat besok", "terlambat 2 hari kerja". */
export function dueWords(a: Aduan, now: Date, holidays: ReadonlySet<string>) {
	const d = dueOf(a, now);
	if (!d) return null;
	const days = workingDaysBetween(now, d.dueAt, holidays);
	const calendarDays = Math.round((Date.parse(`${wibDate(d.dueAt)}T00:00:00Z`) - Date.parse(`${wibDate(now)}T00:00:00Z`)) / 86_400_000);
	let words: string;
	if (d.overdue) words = days < 0 ? m.aduan_desk_due_late({ days: -days }) : m.aduan_desk_due_late_today();
	else if (d.dueToday) words = m.aduan_desk_due_today();
	else if (calendarDays === 1) words = m.aduan_desk_due_tomorrow();
	else words = m.aduan_desk_due_in({ days });
	return { stage: d.stage, dueAt: d.dueAt.toISOString(), overdue: d.overdue, dueToday: d.dueToday, words };
}

/** Overdue first (most late first), then due today, then by deadline; nothing due last. */
const rank = (r: { due: ReturnType<typeof dueWords> }) => (r.due ? (r.due.overdue ? 0 : r.due.dueToday ? 1 : 2) : 3);

/** The staff board, scoped by the actor's units. 403 for anyone without a unit or agency role. */
export async function getBoard(ctx: Ctx, q: BoardQuery) {
	authorize(ctx, canUseBoard(ctx.actor));
	const now = nowOf(ctx);
	const scope = boardScope(ctx.actor);
	const holidays = await loadHolidaySet(ctx.db);
	const rows = (await listBoardRows(ctx.db, scope, q)).map((r) => ({
		id: r.aduan.id,
		tracking_id: r.aduan.trackingId,
		title: r.aduan.title,
		status: r.aduan.status,
		category: r.categoryName,
		category_code: r.aduan.categoryCode,
		unit_code: r.aduan.unitCode,
		unit: r.unitShortName,
		kelurahan: r.kelurahanName ?? r.aduan.kelurahanCode,
		privacy: r.aduan.privacy,
		created_at: r.aduan.createdAt.toISOString(),
		due: dueWords(r.aduan, now, holidays)
	}));
	const filtered = rows.filter((r) => (q.due === 'today' ? r.due?.dueToday : q.due === 'overdue' ? r.due?.overdue : true));
	filtered.sort((a, b) => rank(a) - rank(b) || (a.due && b.due ? a.due.dueAt.localeCompare(b.due.dueAt) : 0) || a.created_at.localeCompare(b.created_at));
	return filtered;
}

/** What the board's filters offer. */
export async function getBoardFilters(ctx: Ctx) {
	authorize(ctx, canUseBoard(ctx.actor));
	const [categories, units, kelurahan] = await Promise.all([listCategories(ctx.db), listUnits(ctx.db), listAduanKelurahan(ctx.db)]);
	return { categories, units, kelurahan, isAgency: isAgency(ctx.actor) };
}

/** The moves the actor may make now, for the detail page's forms. */
function possibleMoves(ctx: Ctx, a: Aduan): AduanStatus[] {
	const kinds = actorKindsFor(ctx.actor, a);
	const all: AduanStatus[] = ['verified', 'in_progress', 'resolved', 'closed', 'rejected'];
	return all.filter((to) => kinds.some((k) => mayTransition(a.status, to, k)) && !(to === 'in_progress' && a.status === 'resolved'));
}

/** The staff detail page (handling staff only; other units get 403). Reporter data included. */
export async function getStaffAduan(ctx: Ctx, id: string) {
	const a = await findAduanById(ctx.db, id);
	if (!a) throw aduanNotFound();
	authorize(ctx, canHandle(ctx.actor, a));
	const now = nowOf(ctx);
	const [names, photos, events, holidays, units] = await Promise.all([
		findAduanNames(ctx.db, a), listAduanPhotos(ctx.db, a.id), listEvents(ctx.db, a.id, true), loadHolidaySet(ctx.db), listUnits(ctx.db)
	]);
	return {
		aduan: a,
		names,
		photos,
		due: presentDue(a, now),
		dueWords: dueWords(a, now, holidays),
		events: events.map((r) => presentEvent(r.event, r.authorName, true)),
		moves: possibleMoves(ctx, a),
		canReassign: canReassign(ctx.actor) && ['received', 'verified', 'in_progress'].includes(a.status),
		units
	};
}

/** The reporter's own page of an aduan, by tracking id: 404 for anyone but the reporter. */
export async function getReporterAduan(ctx: Ctx, trackingId: string) {
	authorize(ctx, ctx.actor !== null);
	const a = await findAduanByTracking(ctx.db, trackingId);
	// Not the reporter's: answer as if it did not exist (tracking ids are guessable).
	if (!a || !isReporterOf(ctx.actor, a)) throw new AppError('NOT_FOUND', m.aduan_desk_err_not_found());
	const now = nowOf(ctx);
	const [names, photos, events] = await Promise.all([findAduanNames(ctx.db, a), listAduanPhotos(ctx.db, a.id), listEvents(ctx.db, a.id, false)]);
	return {
		aduan: a,
		names,
		photos,
		due: presentDue(a, now),
		events: events.map((r) => presentEvent(r.event, r.authorName, true)),
		canReopen: canReopen(a, now),
		canClose: a.status === 'resolved',
		canRate: (a.status === 'resolved' || a.status === 'closed') && a.rating === null
	};
}
