import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from '../../vite.config';

/**
 * `npm run test:reliability`: crash safety, the authorization matrix, hostile input, soak, and
 * backup/restore. Files run one at a time: several start production servers and measure memory.
 * In-process files use the same database setup as the unit suite (PGlite, or TEST_DATABASE_URL).
 */
export default mergeConfig(
	viteConfig,
	defineConfig({
		test: {
			include: ['tests/reliability/**/*.test.ts'],
			globalSetup: ['tests/global-setup.ts', 'tests/reliability/global-setup.ts'],
			fileParallelism: false,
			testTimeout: 600_000,
			hookTimeout: 300_000,
			pool: 'forks',
			env: { LOG_LEVEL: 'silent' }
		}
	})
);
