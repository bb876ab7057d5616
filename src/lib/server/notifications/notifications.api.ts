import type { Api } from '../http/api-env';

/** In-app notifications (the bell). */
export function notificationRoutes(app: Api) {
	void app;
}
