/** Shared handler for /feed.xml and /atom.xml. */
import { error, type RequestEvent } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { findCity } from '../site';
import { loadFeed } from './feed.queries';
import { buildAtom, buildRss } from './feeds';

export async function feedResponse(event: RequestEvent, format: 'rss' | 'atom'): Promise<Response> {
	const { ctx } = event.locals;
	const p = event.url.searchParams;
	const city = await findCity(ctx.db);
	const self = `${ctx.publicUrl}${event.url.pathname}${event.url.search}`;
	const kinds = {
		news: m.post_kind_news({}, { locale: 'id' }),
		program: m.post_kind_program({}, { locale: 'id' }),
		announcement: m.post_kind_announcement({}, { locale: 'id' }),
		potential: m.post_kind_potential({}, { locale: 'id' }),
		clarification: m.post_kind_clarification({}, { locale: 'id' })
	};
	const feed = await loadFeed(
		ctx,
		{ kim: p.get('kim'), kelurahan: p.get('kelurahan'), kecamatan: p.get('kecamatan'), jenis: p.get('jenis') },
		{ site: `Simpul ${city.name}`, description: m.portal_list_intro({}, { locale: 'id' }), kinds, language: 'id' },
		self
	);
	if (!feed) error(404, 'KIM tidak ditemukan');
	const body = format === 'rss' ? buildRss(feed.channel, feed.items) : buildAtom(feed.channel, feed.items);
	return new Response(body, {
		headers: {
			'content-type': format === 'rss' ? 'application/rss+xml; charset=utf-8' : 'application/atom+xml; charset=utf-8',
			'cache-control': 'public, max-age=300'
		}
	});
}
