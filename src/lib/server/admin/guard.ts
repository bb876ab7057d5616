import { error, isActionFailure, type ActionFailure, type RequestEvent } from '@sveltejs/kit';
import { isAdmin } from '../auth/actor';
import { requireActor, type FormFailure } from '../http/form';
import { m } from '../../paraglide/messages.js';

/**
 * For every /admin page load: anonymous visitors go to the login page (and come back), other
 * users get 403. Form actions are checked again by the actions they call.
 */
export function requireAdminPage(event: RequestEvent) {
	const actor = requireActor(event);
	if (!isAdmin(actor)) error(403, m.err_forbidden());
	return actor;
}

/** Narrows runForm's result: true when the form failed (SvelteKit's own guard does not narrow). */
export const isFormFailure = <R>(result: R | ActionFailure<FormFailure>): result is ActionFailure<FormFailure> =>
	isActionFailure(result);
