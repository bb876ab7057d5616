import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireActor, runLoad } from '$lib/server/http/form';
import { listNotifications, readAllNotifications } from '$lib/server/notifications/notifications.actions';
import { presentNotification } from '$lib/server/notifications/notifications.present';
import { NotificationListQuerySchema } from '$lib/server/notifications/notifications.schema';

/** The actor's notifications, newest first; `?tampil=belum-dibaca` for unread only, `?sebelum=<id>` pages. */
export const load: PageServerLoad = async (event) => {
	requireActor(event);
	const params = event.url.searchParams;
	const unreadOnly = params.get('tampil') === 'belum-dibaca';
	const parsed = NotificationListQuerySchema.safeParse({ unread: unreadOnly, before_id: params.get('sebelum') ?? undefined });
	const query = parsed.success ? parsed.data : NotificationListQuerySchema.parse({ unread: unreadOnly });
	const result = await runLoad(event, () => listNotifications(event.locals.ctx, query));
	return {
		notifications: result.items.map(presentNotification),
		unreadCount: result.unread,
		unreadOnly,
		isFirstPage: !query.before_id,
		nextBeforeId: result.nextBeforeId,
		allRead: params.has('semua-dibaca')
	};
};

export const actions: Actions = {
	readAll: async (event) => {
		requireActor(event);
		await readAllNotifications(event.locals.ctx);
		redirect(303, '/notifikasi?semua-dibaca');
	}
};
