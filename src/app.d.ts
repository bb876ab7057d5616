import type { Actor } from '$lib/server/auth/actor';
import type { Ctx } from '$lib/server/context';

declare global {
	namespace App {
		interface Locals {
			actor: Actor;
			ctx: Ctx;
			sessionToken?: string;
		}
		interface Error {
			message: string;
		}
	}
}

export {};
