import type { Api } from '../http/api-env';

/** Surveys and polls (issue 5). */
export function surveyRoutes(app: Api) {
	void app;
}
