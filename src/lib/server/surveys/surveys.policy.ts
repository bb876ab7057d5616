/**
 * Who may do what with surveys. Petugas and admins (the agency) build, open, close and export
 * them; residents answer the ones meant for them; results are public only once published, and
 * free-text answers are for staff only (they may name people).
 */
import { isStaff, type Actor } from '../auth/actor';
import type { SurveyStatus } from './surveys.rules';

type SurveyRef = { status: SurveyStatus; resultsPublic: boolean };

export const canManageSurveys = (a: Actor) => isStaff(a);

/** Drafts are the agency's; an opened survey is public (its form and status). */
export const canViewSurvey = (a: Actor, s: Pick<SurveyRef, 'status'>) => isStaff(a) || s.status !== 'draft';

export const canViewResults = (a: Actor, s: SurveyRef) => isStaff(a) || (s.status !== 'draft' && s.resultsPublic);

/** Raw free-text answers and small groups: staff only. */
export const canSeeRawAnswers = (a: Actor) => isStaff(a);

export const canExportResults = (a: Actor) => isStaff(a);

/** What lists show: everything for staff, open and published ones for others. */
export const surveyScope = (a: Actor): 'all' | 'public' => (isStaff(a) ? 'all' : 'public');
