import type { Api } from '../http/api-env';

/** Aduan handling: transitions, thread, internal notes, reassignment, rating, reopen, the board, holidays and units (issue 5). */
export function aduanHandlingRoutes(app: Api) {
	void app;
}
