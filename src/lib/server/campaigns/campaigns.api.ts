import type { Api } from '../http/api-env';

/** Campaigns and their assignments (planning, launch, the KIM inbox). */
export function campaignRoutes(app: Api) {
	void app;
}
