import type { PageServerLoad } from './$types';
import { runLoad } from '$lib/server/http/form';
import { getPost } from '$lib/server/posts/posts.read.actions';
import { regionNames } from '$lib/server/regions/regions.queries';
import { findCity } from '$lib/server/site';
import { jsonLdScript, postJsonLd, postMetaTags, whatsappShareUrl } from '$lib/server/portal/seo';

const str = (v: unknown) => (typeof v === 'string' && v ? v : null);
/** The kind fields, typed (the presenter gives them as a loose record). */
function kindFields(p: Record<string, unknown>) {
	return {
		eligibility: str(p.eligibility),
		how_to_join: str(p.how_to_join),
		deadline: str(p.deadline),
		contact: str(p.contact),
		expires_on: str(p.expires_on),
		category: str(p.category),
		price: typeof p.price === 'number' ? p.price : null,
		location: str(p.location),
		claim: str(p.claim),
		verdict: str(p.verdict),
		sources: Array.isArray(p.sources) ? p.sources.filter((s): s is string => typeof s === 'string') : []
	};
}

/** A post's public page: the backend decides who may see it (404 for the public when not public). */
export const load: PageServerLoad = async (event) => {
	const { ctx } = event.locals;
	const post = await runLoad(event, () => getPost(ctx, event.params.slug));
	const [names, city] = await Promise.all([regionNames(ctx.db, [post.kelurahan_code ?? '']), findCity(ctx.db)]);
	const siteName = `Simpul ${city.name}`;
	return {
		post: { ...post, body: undefined },
		fields: kindFields(post as unknown as Record<string, unknown>),
		kelurahanName: post.kelurahan_code ? (names.get(post.kelurahan_code) ?? null) : null,
		meta: postMetaTags(post, { publicUrl: ctx.publicUrl, siteName }),
		jsonLd: jsonLdScript(postJsonLd(post, { publicUrl: ctx.publicUrl, publisherName: siteName })),
		share: whatsappShareUrl(post.title, post.url)
	};
};
