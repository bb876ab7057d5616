import type { Api } from '../http/api-env';

/** Activity reports by KIM members. */
export function reportRoutes(app: Api) {
	void app;
}
