/**
 * Who may do what with activity reports. Reports come from KIM members: staff do not report on
 * a KIM's behalf (a petugas who is also a member of a KIM reports as that member).
 */
import { isBoardOf, isMemberOf, isStaff, type Actor } from '../auth/actor';

type ReportRef = { kimId: string; reporterId: string | null };

/** Any member (pengurus or anggota) of the KIM. */
export const canReportFor = (a: Actor, kimId: string) => isMemberOf(a, kimId);

/** Staff see every report; members see their KIMs' reports. */
export const canViewReport = (a: Actor, report: Pick<ReportRef, 'kimId'>) => isStaff(a) || isMemberOf(a, report.kimId);

/** Lists are for staff and for members of at least one KIM. */
export const canListReports = (a: Actor) => isStaff(a) || (a?.kims.length ?? 0) > 0;

/** Evidence photos are added by the reporter (while still a member) or the KIM's pengurus. */
export const canAddReportPhotos = (a: Actor, report: ReportRef) =>
	(a !== null && a.userId === report.reporterId && isMemberOf(a, report.kimId)) || isBoardOf(a, report.kimId);

/** The KIMs whose reports an actor sees: `all` for staff, else their own. */
export const reportScope = (a: Actor): 'all' | string[] => (isStaff(a) ? 'all' : (a?.kims.map((k) => k.kimId) ?? []));
