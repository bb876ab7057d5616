import type { Api } from '../http/api-env';

/** Campaign reach statistics and exports. */
export function statsRoutes(app: Api) {
	void app;
}
