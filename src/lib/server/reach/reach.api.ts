import type { Api } from '../http/api-env';

/** Share kits, short links and attribution. */
export function reachRoutes(app: Api) {
	void app;
}
