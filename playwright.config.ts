import { defineConfig, devices } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PORT = Number(process.env.E2E_PORT ?? 4173);
// A fresh embedded database with the demo dataset for every run.
const dataDir = process.env.E2E_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'simpul-e2e-'));
process.env.E2E_DATA_DIR = dataDir;
const SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? 2526);
process.env.E2E_SMTP_PORT = String(SMTP_PORT);

export default defineConfig({
	testDir: 'e2e',
	globalSetup: './e2e/global-setup.ts',
	fullyParallel: false,
	workers: 1,
	retries: process.env.CI ? 1 : 0,
	reporter: process.env.CI ? [['list']] : [['list']],
	timeout: 60_000,
	use: {
		baseURL: `http://127.0.0.1:${PORT}`,
		locale: 'id-ID',
		timezoneId: 'Asia/Jakarta',
		trace: 'retain-on-failure',
		launchOptions: {
			executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
			args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
		}
	},
	projects: [
		{ name: 'phone', use: { ...devices['Pixel 5'], browserName: 'chromium', viewport: { width: 360, height: 740 } } }
	],
	webServer: {
		command: 'npx vite build --logLevel error && node scripts/server.js',
		url: `http://127.0.0.1:${PORT}/healthz`,
		timeout: 240_000,
		reuseExistingServer: false,
		stdout: 'ignore',
		stderr: 'pipe',
		env: {
			PORT: String(PORT),
			HOST: '127.0.0.1',
			ORIGIN: `http://127.0.0.1:${PORT}`,
			SIMPUL_DATA_DIR: dataDir,
			SIMPUL_DEMO: '1',
			BODY_SIZE_LIMIT: '12M',
			SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
			MAIL_FROM: 'Simpul <no-reply@simpul.test>'
		}
	}
});
