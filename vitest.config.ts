import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';

export default mergeConfig(
	viteConfig,
	defineConfig({
		test: {
			include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
			// The reliability suite has its own command and config (npm run test:reliability).
			exclude: ['tests/reliability/**', 'node_modules/**'],
			globalSetup: ['tests/global-setup.ts'],
			testTimeout: 30_000,
			hookTimeout: 60_000,
			pool: 'forks',
			env: { LOG_LEVEL: 'silent' }
		}
	})
);
