/**
 * Hostile input, rendered: the XSS corpus (xss-corpus.ts) goes through the API into every
 * user-writable text field that reaches a page, then every page showing those fields is opened in
 * Chromium as the actor who sees it. A payload that runs calls `__xss(id)` (exposed to every frame)
 * or requests a URL containing `__xss/` (watched): neither may happen, nor any dialog. The DOM is
 * checked too: no element carries an injected handler, javascript:/data: link, srcdoc, object,
 * embed, base or refresh; JSON-LD still parses as JSON; the post's title comes back as text in
 * <title>, og:title and JSON-LD. Feeds must be well-formed XML with the payload escaped (their
 * HTML content is checked like a page); CSV exports must be formula-safe.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { client } from './api-client';
import { privateBuild } from './private-build';
import { startServer, type RunningServer } from './server';
import { XSS_CORPUS } from './xss-corpus';
import { census, feedVerdict, parseCsv } from './xss-checks';
import {
	acceptAndPlanCampaigns, planPostListings, seedAdminThings, seedCampaigns, seedContext, seedKimProfile, seedPosts, seedReports, seedRumours,
	type CsvPath, type Visit
} from './xss-seed';
import { seedAduan, seedFacilities, seedResidents, seedServices, seedSurveys } from './xss-seed-residents';

let server: RunningServer;
let copy: ReturnType<typeof privateBuild> | undefined;
let browser: Browser;
let api: ReturnType<typeof client>;

beforeAll(async () => {
	copy = privateBuild('xss');
	server = await startServer({ port: 5320, demo: true, cwd: copy.dir });
	api = client(server.url);
	browser = await chromium.launch({
		executablePath: '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
	});
});
afterAll(async () => {
	await browser?.close();
	await server?.stop();
	copy?.remove();
});

describe('XSS corpus in every user-writable text field stays inert in Chromium', () => {
	const visits: Visit[] = [];
	const feedChecks: string[] = [];
	const csvPaths: CsvPath[] = [];

	test('seed the corpus through the API', async () => {
		const [petugas, pengurus, anggota, warga, admin] = await Promise.all(['petugas', 'pengurus', 'anggota', 'warga', 'admin'].map((r) => api.login(`${r}@simpul.test`)));
		const me = await api.must('GET', '/api/v1/me', { as: anggota });
		const kimId: string = me.kims[0].id;
		await api.must('GET', `/api/v1/kims/${kimId}`, { as: pengurus });
		const s = seedContext(api, { petugas, pengurus, anggota, warga, admin, kimId }, { visits, feedChecks, csvPaths });

		const postIds = await seedPosts(s);
		expect(postIds.length).toBeGreaterThan(0);
		planPostListings(s);
		await seedRumours(s);
		const campaignIds = await seedCampaigns(s, postIds);
		expect(campaignIds.length).toBeGreaterThan(0);
		await acceptAndPlanCampaigns(s, campaignIds);
		await seedReports(s, campaignIds[0]);
		const filers = await seedResidents(s);
		await seedAduan(s, filers);
		await seedSurveys(s, filers);
		await seedServices(s);
		await seedFacilities(s);
		// The KIM profile last: editing a verified KIM sends it back for review.
		await seedKimProfile(s);
		await seedAdminThings(s);

		console.info(`[xss] corpus ${XSS_CORPUS.length} payloads × ${s.fields.size} fields; ${visits.length} page visits planned; refused by the API: ${s.refused.length}`);
		for (const r of s.refused) console.info(`[xss] refused: ${r}`);
	});

	test('no payload runs on any page, and none becomes markup', async () => {
		expect(visits.length).toBeGreaterThan(50);
		const fired: string[] = [];
		const contexts = new Map<string, BrowserContext>();
		async function contextFor(as: Visit['as']) {
			const key = as === 'anon' ? 'anon' : as.email;
			let ctx = contexts.get(key);
			if (!ctx) {
				ctx = await browser.newContext({ baseURL: server.url });
				if (as !== 'anon') await ctx.addCookies([{ name: 'simpul_session', value: as.token, url: server.url }]);
				await ctx.exposeFunction('__xss', (id: unknown) => fired.push(`__xss(${String(id)}) on ${key}`));
				await ctx.route('**/*', (route) => {
					const u = route.request().url();
					if (u.includes('__xss') && !u.startsWith(server.url)) {
						fired.push(`request ${u}`);
						return route.abort();
					}
					if (u.includes('__xss/')) fired.push(`request ${u}`);
					return u.startsWith(server.url) || u.startsWith('data:') ? route.continue() : route.abort();
				});
				contexts.set(key, ctx);
			}
			return ctx;
		}
		const problems: string[] = [];
		const cspLog: string[] = [];
		let pages = 0;
		for (const v of visits) {
			const ctx = await contextFor(v.as);
			const page: Page = await ctx.newPage();
			const who = v.as === 'anon' ? 'anon' : v.as.email;
			page.on('dialog', (d) => {
				fired.push(`dialog "${d.message()}" on ${v.path} as ${who}`);
				void d.dismiss();
			});
			page.on('console', (m) => {
				if (/Content Security Policy|Refused to/i.test(m.text())) cspLog.push(`${v.path}: ${m.text().slice(0, 160)}`);
			});
			page.on('pageerror', (e) => {
				if (/__xss/.test(String(e))) fired.push(`pageerror ${e} on ${v.path}`);
			});
			const before = fired.length;
			const res = await page.goto(v.path, { waitUntil: 'load' }).catch((e: Error) => {
				throw new Error(`${v.path} as ${who}: ${e.message}\nserver output:\n${server.output().slice(-4000)}`);
			});
			if (!res || res.status() >= 400) problems.push(`${v.label} ${v.path} as ${who}: HTTP ${res?.status()}`);
			await page.waitForTimeout(100);
			// Focus and hover everything once: autofocus/onfocus/onmouseover payloads get their chance.
			await page.evaluate(() => {
				for (const el of Array.from(document.querySelectorAll('input,textarea,button,a,[tabindex]')).slice(0, 200)) (el as HTMLElement).focus?.();
			});
			const bad = await page.evaluate(census);
			for (const b of bad) problems.push(`${v.label} ${v.path} as ${who}: ${b}`);
			if (v.checkPost) {
				const seen = await page.evaluate(() => ({
					title: document.title,
					og: document.querySelector('meta[property="og:title"]')?.getAttribute('content') ?? null,
					ld: Array.from(document.querySelectorAll('script[type="application/ld+json"]')).map((s) => JSON.parse(s.textContent ?? 'null'))
				}));
				const norm = (x: string) => x.replace(/[\s\u0000-\u001f\u007f-\u009f]+/g, ' ').trim();
				const t = norm(v.checkPost.title);
				seen.title = norm(seen.title);
				if (seen.og !== null) seen.og = norm(seen.og);
				if (!seen.title.includes(t)) problems.push(`${v.path}: <title> lost the text: ${seen.title.slice(0, 120)}`);
				if (seen.og !== null && !seen.og.includes(t)) problems.push(`${v.path}: og:title lost the text: ${seen.og.slice(0, 120)}`);
				const headlines = JSON.stringify(seen.ld);
				if (seen.ld.length && !headlines.includes(JSON.stringify(t).slice(1, -1).slice(0, 40))) problems.push(`${v.path}: JSON-LD lost the text`);
			}
			if (fired.length > before) problems.push(`${v.label} ${v.path} as ${who}: fired ${fired.slice(before).join('; ')}`);
			await page.close();
			pages++;
		}

		// Feeds: well-formed XML, payloads escaped, embedded HTML as inert as a page.
		const anon = await contextFor('anon');
		const feedPage = await anon.newPage();
		await feedPage.goto('/robots.txt');
		for (const path of feedChecks) {
			const res = await api.call('GET', path, { headers: { accept: 'application/xml' } });
			expect(res.status, path).toBe(200);
			const xml = String(res.body);
			const verdict = await feedPage.evaluate(feedVerdict, xml);
			for (const b of verdict.bad) problems.push(`${path}: ${b}`);
		}
		await feedPage.close();

		// CSV exports: a cell starting with = + - @ (or tab / CR) would run as a formula in a spreadsheet.
		let csvCells = 0;
		for (const { path, as } of csvPaths) {
			const res = await api.call('GET', path, { as });
			expect(res.status, path).toBe(200);
			for (const cell of parseCsv(String(res.body))) {
				csvCells++;
				if (/^[=+\-@\t\r]/.test(cell) && !/^-?\d+([.,]\d+)?$/.test(cell)) problems.push(`${path}: formula cell ${JSON.stringify(cell.slice(0, 60))}`);
			}
		}

		for (const c of contexts.values()) await c.close();
		console.info(`[xss] ${pages} pages rendered, ${feedChecks.length} feeds, ${csvPaths.length} CSV exports (${csvCells} cells); fired ${fired.length}; CSP console lines ${cspLog.length}`);
		for (const l of cspLog.slice(0, 10)) console.info(`[xss] csp: ${l}`);
		expect(fired).toEqual([]);
		expect(problems).toEqual([]);
	});
});
