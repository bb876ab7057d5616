import { z } from '@hono/zod-openapi';
import { email, password, regionCode, text } from '../validation';
import { m } from '../../paraglide/messages.js';

export const LoginSchema = z
	.object({ email: email(), password: z.string({ error: () => m.err_required() }).min(1, { error: () => m.err_required() }).max(200) })
	.openapi('LoginInput');
export type Login = z.infer<typeof LoginSchema>;

export const RegisterSchema = z
	.object({
		name: text(120),
		email: email(),
		password: password(),
		kelurahan_code: z
			.union([regionCode(), z.literal('')])
			.optional()
			.transform((v) => v || undefined)
	})
	.openapi('RegisterInput');
export type Register = z.infer<typeof RegisterSchema>;

export const ForgotPasswordSchema = z.object({ email: email() }).openapi('ForgotPasswordInput');

export const ResetPasswordSchema = z
	.object({
		token: z.string().min(10).max(200),
		password: password(),
		password_confirm: z.string().optional()
	})
	.refine((v) => v.password_confirm === undefined || v.password === v.password_confirm, {
		path: ['password_confirm'],
		error: () => m.err_password_mismatch()
	})
	.openapi('ResetPasswordInput');
export type ResetPassword = z.infer<typeof ResetPasswordSchema>;
