import adapter from '@sveltejs/adapter-node';

/** @type {import('@sveltejs/kit').Config} */
export default {
	kit: {
		adapter: adapter({ out: 'build' }),
		// Form posts from other origins are refused (SvelteKit's CSRF check).
		csrf: { trustedOrigins: [] }
	}
};
