import { expect, type APIRequestContext, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export const DEMO_PASSWORD = 'simpul-demo';

/** Logs in through the form, as a person would. */
export async function logIn(page: Page, email: string, password = DEMO_PASSWORD) {
	// Wait for hydration: a field filled before it can be emptied by it, and the form posts blank.
	await page.goto('/masuk', { waitUntil: 'networkidle' });
	await page.getByLabel('Alamat surel').fill(email);
	await page.getByLabel('Kata sandi').fill(password);
	await expect(page.getByLabel('Alamat surel')).toHaveValue(email);
	await page.getByRole('button', { name: 'Masuk' }).click();
	await expect(page).not.toHaveURL(/\/masuk/);
}

export async function logOut(page: Page) {
	await page.getByRole('button', { name: 'Keluar', exact: true }).click();
	await expect(page.getByText('Anda sudah keluar.')).toBeVisible();
}

/** Fails on any WCAG 2.1 A/AA violation axe-core finds on the current page. */
export async function expectAccessible(page: Page) {
	const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
	expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** Waits for the platform's mail to `to` (delivered over SMTP to the journeys' server) and returns it. */
export async function waitForMail(to: string, timeoutMs = 20_000): Promise<string> {
	const { readdirSync, readFileSync } = await import('node:fs');
	const { join } = await import('node:path');
	const dir = join(process.env.E2E_DATA_DIR!, 'mail');
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		for (const f of readdirSync(dir).sort().reverse()) {
			const text = readFileSync(join(dir, f), 'utf8');
			if (text.includes(`To: ${to}`)) return text.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
		}
		await new Promise((r) => setTimeout(r, 250));
	}
	throw new Error(`no mail to ${to} within ${timeoutMs} ms`);
}

/** The WIB calendar date `days` from today (YYYY-MM-DD). */
export const todayWib = (days = 0) => new Date(Date.now() + 7 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);

/** Logs in through the API; returns the Authorization header for `email`. */
export async function tokenOf(request: APIRequestContext, email: string, password = DEMO_PASSWORD) {
	const res = await request.post('/api/v1/auth/login', { data: { email, password } });
	expect(res.status(), await res.text()).toBe(200);
	return { authorization: `Bearer ${(await res.json()).token}` };
}

/** Expects `status` (showing the body when it differs) and returns the JSON body. */
export async function ok(res: Awaited<ReturnType<APIRequestContext['post']>>, status = 200) {
	expect(res.status(), await res.text()).toBe(status);
	return res.json();
}
