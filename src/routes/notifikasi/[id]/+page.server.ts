import { error, redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { requireActor, runLoad } from '$lib/server/http/form';
import { readNotification } from '$lib/server/notifications/notifications.actions';
import { NotificationIdSchema } from '$lib/server/notifications/notifications.schema';
import { sameSitePath } from '$lib/server/notifications/notifications.present';

/**
 * Opening a notification from the list: marks it read (one's own only; any other id is 404) and
 * goes where it points — a path on this site only — or back to the list. A plain link, so it works
 * without JavaScript (the list's links reload the page, so nothing opens one by preloading);
 * marking read is idempotent, so a repeated open does no harm. A page route, so a 404 is the
 * site's own error page.
 */
export const load: PageServerLoad = async (event) => {
	requireActor(event);
	const parsed = NotificationIdSchema.safeParse(event.params);
	if (!parsed.success) error(404);
	const row = await runLoad(event, () => readNotification(event.locals.ctx, parsed.data.id));
	redirect(303, sameSitePath(row.url) ?? '/notifikasi');
};
