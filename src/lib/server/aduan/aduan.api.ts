import type { Api } from '../http/api-env';

/** Aduan filing, public tracking, the reporter's own list and claiming an assisted filing (issue 5). */
export function aduanRoutes(app: Api) {
	void app;
}
