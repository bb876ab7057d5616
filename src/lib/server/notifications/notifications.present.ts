import { z } from '@hono/zod-openapi';
import type { NotificationRow } from './notifications.queries';

/**
 * A notification's link if it is a path on this site ("/tugas"), else null: a stored URL never
 * sends the reader to another site (no "//host", no "/\host", no scheme).
 */
export function sameSitePath(url: string | null | undefined): string | null {
	if (!url || !url.startsWith('/') || url.startsWith('//') || url.startsWith('/\\')) return null;
	if (/[\u0000-\u001f\\]/.test(url)) return null;
	return url;
}

export const NotificationOut = z
	.object({
		id: z.number().int(),
		kind: z.string().openapi({ example: 'assignment_due_soon' }),
		title: z.string(),
		body: z.string(),
		url: z.string().nullable().openapi({ description: 'Path on this site the notification opens', example: '/tugas' }),
		created_at: z.string(),
		read_at: z.string().nullable()
	})
	.openapi('Notification');
export type NotificationView = z.infer<typeof NotificationOut>;

export function presentNotification(r: NotificationRow): NotificationView {
	return {
		id: r.id,
		kind: r.kind,
		title: r.title,
		body: r.body,
		url: sameSitePath(r.url),
		created_at: r.createdAt.toISOString(),
		read_at: r.readAt?.toISOString() ?? null
	};
}
