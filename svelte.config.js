import adapter from '@sveltejs/adapter-node';

/** @type {import('@sveltejs/kit').Config} */
export default {
	kit: {
		adapter: adapter({ out: 'build' }),
		// Form posts from other origins are refused by csrfHandle (src/lib/server/open311/open311.csrf.ts),
		// SvelteKit's own check with one exception: Open311 clients post forms from their servers.
		csrf: { trustedOrigins: ['*'] },
		// Pages run only their own scripts; SvelteKit hashes its inline boot script (hashes, not
		// nonces: an anonymous page is cached and served again, see src/lib/server/http/page-cache.ts).
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};
