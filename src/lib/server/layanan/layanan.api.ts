import type { Api } from '../http/api-env';

/** Public-service directory: services, facilities, emergency numbers (issue 5). */
export function layananRoutes(app: Api) {
	void app;
}
