/**
 * A tiny HTTP client for suite files that drive a production server (startServer): logs demo
 * accounts in, keeps their session cookie, sends JSON with an Origin header (CSRF), and returns
 * status + parsed body. Used by the XSS corpus and the soak.
 */
export const DEMO_PASSWORD = 'simpul-demo';

export type Session = { email: string; cookie: string; token: string; userId: string };

export type Reply<T = any> = { status: number; body: T; headers: Headers };

export function client(baseUrl: string) {
	async function call<T = any>(
		method: string,
		path: string,
		opts: { as?: Session | null; body?: unknown; headers?: Record<string, string>; redirect?: RequestRedirect } = {}
	): Promise<Reply<T>> {
		const headers: Record<string, string> = { origin: baseUrl, accept: 'application/json', ...opts.headers };
		if (opts.as) headers.cookie = opts.as.cookie;
		let body: BodyInit | undefined;
		if (opts.body instanceof FormData) body = opts.body;
		else if (opts.body !== undefined) {
			headers['content-type'] = 'application/json';
			body = JSON.stringify(opts.body);
		}
		const res = await fetch(baseUrl + path, { method, headers, body, redirect: opts.redirect ?? 'manual' });
		const text = await res.text();
		let parsed: unknown = text;
		if ((res.headers.get('content-type') ?? '').includes('json')) {
			try {
				parsed = JSON.parse(text);
			} catch {
				/* keep the text */
			}
		}
		return { status: res.status, body: parsed as T, headers: res.headers };
	}

	async function login(email: string, password = DEMO_PASSWORD): Promise<Session> {
		const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', origin: baseUrl },
			body: JSON.stringify({ email, password })
		});
		const body = (await res.json()) as { token: string; user: { id: string } };
		if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${JSON.stringify(body)}`);
		const cookie = res.headers
			.getSetCookie()
			.map((c) => c.split(';')[0])
			.join('; ');
		return { email, cookie, token: body.token, userId: body.user.id };
	}

	/** Like call, but throws unless the status is one of `ok` (default 2xx). */
	async function must<T = any>(method: string, path: string, opts: Parameters<typeof call>[2] = {}, ok?: number[]) {
		const r = await call<T>(method, path, opts);
		const good = ok ? ok.includes(r.status) : r.status >= 200 && r.status < 300;
		if (!good) throw new Error(`${method} ${path} → ${r.status}: ${typeof r.body === 'string' ? r.body.slice(0, 500) : JSON.stringify(r.body).slice(0, 1500)}`);
		return r.body;
	}

	return { call, must, login };
}
