import type { Api } from '../http/api-env';

/** Public aduan statistics (issue 5). Registered before aduanRoutes so /api/v1/aduan/stats is not taken for a tracking id. */
export function aduanStatsRoutes(app: Api) {
	void app;
}
