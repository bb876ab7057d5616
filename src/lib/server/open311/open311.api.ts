import type { Api } from '../http/api-env';

/** Open311 GeoReport v2 at /open311/v2/ (issue 5). */
export function open311Routes(app: Api) {
	void app;
}
