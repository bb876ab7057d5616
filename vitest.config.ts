import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';

export default mergeConfig(
	viteConfig,
	defineConfig({
		test: {
			include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
			globalSetup: ['tests/global-setup.ts'],
			testTimeout: 30_000,
			hookTimeout: 60_000,
			pool: 'forks',
			env: { LOG_LEVEL: 'silent' }
		}
	})
);
