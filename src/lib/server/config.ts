import { z } from 'zod';

/**
 * The only reader of process.env. Every setting is validated at boot; a bad value stops the
 * process with a list of every problem (see README "Configuration").
 */
const flag = (fallback: boolean) =>
	z
		.enum(['0', '1', 'true', 'false', 'yes', 'no'])
		.optional()
		.transform((v) => (v === undefined ? fallback : ['1', 'true', 'yes'].includes(v)));

const ConfigSchema = z.object({
	PORT: z.coerce.number().int().min(1).max(65535).default(3000),
	ORIGIN: z.url().optional(),
	DATABASE_URL: z
		.string()
		.regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
		.optional(),
	SIMPUL_DATA_DIR: z.string().min(1).default('./data'),
	SIMPUL_DEMO: flag(true),
	SIMPUL_REGION: z
		.string()
		.regex(/^\d{2}\.\d{2}$/, 'must be a kota/kabupaten code such as 33.71')
		.default('33.71'),
	SIMPUL_WORKER: flag(true),
	SMTP_URL: z
		.string()
		.regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
		.optional(),
	MAIL_FROM: z.string().min(3).default('Simpul <no-reply@simpul.local>'),
	SESSION_DAYS: z.coerce.number().int().min(1).max(365).default(30),
	/** Open311 `jurisdiction_id`; the home region's code (e.g. 33.71) when unset. */
	OPEN311_JURISDICTION: z.string().trim().regex(/^[\w.-]{1,40}$/, 'letters, digits, dot or dash, up to 40 characters').optional(),
	LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info')
});

export type Config = z.infer<typeof ConfigSchema> & { publicUrl: string; secureCookies: boolean };

export class ConfigError extends Error {
	constructor(public problems: string[]) {
		super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
	}
}

/** Parses settings from an environment object; throws ConfigError listing every bad variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
	const cleaned = Object.fromEntries(
		Object.keys(ConfigSchema.shape).map((k) => [k, env[k] === '' ? undefined : env[k]])
	);
	const result = ConfigSchema.safeParse(cleaned);
	if (!result.success) {
		throw new ConfigError(
			result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
		);
	}
	const c = result.data;
	const publicUrl = (c.ORIGIN ?? `http://localhost:${c.PORT}`).replace(/\/$/, '');
	return { ...c, publicUrl, secureCookies: publicUrl.startsWith('https://') };
}

let cached: Config | undefined;
export function getConfig(): Config {
	cached ??= parseConfig(process.env);
	return cached;
}
