import type { Db } from '../db/client';
import type { FileStorage } from '../files/storage';
import type { DemoKim } from './demo.posts';

export type DemoAduanInput = {
	petugasId: string;
	wargaId: string;
	villages: { code: string; name: string }[];
	verifiedKims: DemoKim[];
	storage?: FileStorage;
};

/** Demo aduan in every state, a demo unit staff account, ... (issue 5; filled by the aduan work). */
export async function seedDemoAduan(db: Db, input: DemoAduanInput) {
	void db;
	void input;
}
