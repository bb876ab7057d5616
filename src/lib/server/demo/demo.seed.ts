import { eq, inArray, or, sql, type AnyColumn } from 'drizzle-orm';
import type { Db } from '../db/client';
import { activityReports, aduan, campaigns, files, kimMembers, kims, posts, regions, surveyResponses, surveys, users } from '../db/schema';
import { hashPassword } from '../auth/password';
import { slugify } from '../../shared/slug';
import { VILLAGE_LEVELS } from '../regions/regions.rules';
import type { KimFocus, KimPosition } from '../../shared/roles';
import type { FileStorage } from '../files/storage';
import { discardStoredFile, saveFile } from '../files/files.actions';
import { audit } from '../audit/audit';
import { demoDecreePdf } from './demo-decree';
import { seedDemoPosts, type DemoKim } from './demo.posts';
import { seedDemoCampaigns } from './demo.campaigns';
import { seedDemoLayanan } from './demo.layanan';
import { seedDemoAduan } from './demo.aduan';
import { seedDemoSurveys } from './demo.surveys';

export const DEMO_PASSWORD = 'simpul-demo';
export const DEMO_ACCOUNTS = {
	admin: 'admin@simpul.test',
	petugas: 'petugas@simpul.test',
	pengurus: 'pengurus@simpul.test',
	anggota: 'anggota@simpul.test',
	warga: 'warga@simpul.test'
} as const;

const SUFFIXES = ['Cerdas', 'Berdaya', 'Mandiri', 'Guyub', 'Maju', 'Harmoni', 'Lestari', 'Kreatif', 'Informatif', 'Bersatu', 'Gemilang', 'Sejahtera'];
const FIRST = ['Siti', 'Budi', 'Dewi', 'Agus', 'Rina', 'Eko', 'Wulan', 'Joko', 'Ani', 'Hadi', 'Lestari', 'Bambang', 'Nur', 'Yanto', 'Sri', 'Teguh'];
const LAST = ['Rahayu', 'Santoso', 'Wibowo', 'Lestari', 'Pratama', 'Susanti', 'Hidayat', 'Kurniawan', 'Handayani', 'Setiawan'];
const FOCI: KimFocus[][] = [['literasi'], ['ekonomi_kreatif'], ['sosial_budaya'], ['literasi', 'sosial_budaya'], ['ekonomi_kreatif', 'literasi']];

/**
 * The demo dataset: about a dozen KIMs over the home region's kelurahan (most verified, some
 * waiting, one returned, one with an expired board term, one without its SK file), members in
 * every position and the five documented demo accounts. With `storage`, verified KIMs get a
 * sample SK decree (PDF). Everything is marked is_demo so `demo:purge` removes exactly it.
 */
export async function seedDemo(db: Db, regionCode: string, storage?: FileStorage) {
	const villages = await db
		.select()
		.from(regions)
		.where(sql`${regions.code} like ${regionCode + '.%'} and ${inArray(regions.level, VILLAGE_LEVELS)}`)
		.orderBy(regions.code);
	if (villages.length === 0) return;
	const passwordHash = await hashPassword(DEMO_PASSWORD);
	const user = async (email: string, name: string, role: 'warga' | 'petugas' | 'admin' = 'warga', kelurahanCode: string | null = null) => {
		const [row] = await db.insert(users).values({ email, name, role, passwordHash, isDemo: true, kelurahanCode }).returning();
		return row;
	};
	const admin = await user(DEMO_ACCOUNTS.admin, 'Admin Demo', 'admin');
	const petugas = await user(DEMO_ACCOUNTS.petugas, 'Petugas Diskominfo (demo)', 'petugas');
	const count = Math.min(12, villages.length);
	const verifiedKims: DemoKim[] = [];
	let person = 0;
	const personName = () => {
		const n = person++;
		return `${FIRST[n % FIRST.length]} ${LAST[(n * 7) % LAST.length]}`;
	};
	for (let i = 0; i < count; i++) {
		// Spread over the list so every kecamatan gets KIMs.
		const village = villages[Math.floor((i * villages.length) / count)];
		const status = i === 9 || i === 10 ? 'registered' : i === 11 ? 'returned' : 'verified';
		const name = `KIM ${village.name} ${SUFFIXES[i % SUFFIXES.length]}`;
		const year = 2019 + (i % 6);
		const termEnds = i === 3 ? '2025-06-30' : `${2027 + (i % 3)}-12-31`;
		const [kim] = await db
			.insert(kims)
			.values({
				slug: slugify(name),
				name,
				kelurahanCode: village.code,
				kecamatanCode: village.parentCode!,
				description: `Kelompok Informasi Masyarakat di Kelurahan ${village.name}: menyebarkan program pemerintah dan kabar kampung lewat pertemuan warga, grup WhatsApp dan media sosial.`,
				foundedOn: `${year}-0${1 + (i % 9)}-15`,
				skNumber: `${100 + i}/KEP/${year}`,
				skDate: `${year}-0${1 + (i % 9)}-20`,
				termStartsOn: i === 3 ? '2022-07-01' : `${2024 + (i % 2)}-01-01`,
				termEndsOn: termEnds,
				focus: FOCI[i % FOCI.length],
				contactPhone: `0812${String(3000000 + i * 1111).padStart(7, '0')}`,
				status,
				statusReason: status === 'returned' ? 'Lampirkan SK kelurahan yang sudah ditandatangani.' : null,
				verifiedAt: status === 'verified' ? new Date() : null,
				verifiedBy: status === 'verified' ? petugas.id : null,
				createdBy: admin.id,
				isDemo: true
			})
			.returning();
		if (storage && status === 'verified' && i !== 7) {
			const file = await saveFile(db, storage, { bytes: demoDecreePdf(name, kim.skNumber, kim.skDate), mime: 'application/pdf', ext: 'pdf' }, { purpose: 'kim_sk', isPublic: false, ownerId: kim.id, originalName: 'sk-pembentukan.pdf', createdBy: admin.id });
			await db.update(kims).set({ skFileId: file.id }).where(eq(kims.id, kim.id));
		}
		const members: [string, string, KimPosition][] = [];
		if (i === 0) {
			members.push([DEMO_ACCOUNTS.pengurus, 'Pengurus Demo', 'ketua'], [DEMO_ACCOUNTS.anggota, 'Anggota Demo', 'anggota']);
			members.push([`sekretaris.${kim.slug}@demo.simpul.test`, personName(), 'sekretaris'], [`bendahara.${kim.slug}@demo.simpul.test`, personName(), 'bendahara'], [`seksi.${kim.slug}@demo.simpul.test`, personName(), 'seksi']);
		} else {
			const size = i === 5 ? 2 : 3 + (i % 4); // KIM #5 shows the "fewer than 3 members" warning
			const positions: KimPosition[] = ['ketua', 'sekretaris', 'bendahara', 'seksi', 'anggota', 'anggota'];
			for (let p = 0; p < size; p++) members.push([`${positions[p]}${p}.${kim.slug}@demo.simpul.test`, personName(), positions[p]]);
		}
		const memberIds: string[] = [];
		for (const [email, memberName, position] of members) {
			const u = await user(email, memberName, 'warga', village.code);
			await db.insert(kimMembers).values({ kimId: kim.id, userId: u.id, position });
			memberIds.push(u.id);
		}
		if (status === 'verified') {
			verifiedKims.push({ id: kim.id, name, kelurahanCode: village.code, kelurahanName: village.name, boardId: memberIds[0], memberId: memberIds[i === 0 ? 1 : memberIds.length - 1] });
		}
	}
	const { program, clarification } = await seedDemoPosts(db, petugas.id, verifiedKims);
	await seedDemoCampaigns(db, petugas.id, verifiedKims, program.id, clarification.id);
	const warga = await user(DEMO_ACCOUNTS.warga, 'Warga Demo', 'warga', villages[0].code);
	await seedDemoLayanan(db, villages);
	await seedDemoAduan(db, { petugasId: petugas.id, wargaId: warga.id, villages, verifiedKims, storage });
	await seedDemoSurveys(db, { petugasId: petugas.id, villages });
}

/**
 * Removes every demo record: demo users, demo KIMs, the posts and campaigns they wrote (with
 * everything hanging off them) and the files of all of these, bytes included.
 */
export async function purgeDemo(db: Db, storage?: FileStorage) {
	const result = await db.transaction(async (tx) => {
		const kimIds = (await tx.select({ id: kims.id }).from(kims).where(eq(kims.isDemo, true))).map((k) => k.id);
		const userIds = (await tx.select({ id: users.id }).from(users).where(eq(users.isDemo, true))).map((u) => u.id);
		const byKimOrUser = <T extends { kimId: AnyColumn }>(t: T, userCol: AnyColumn) =>
			or(kimIds.length ? inArray(t.kimId, kimIds) : sql`false`, userIds.length ? inArray(userCol, userIds) : sql`false`);
		const postIds = (await tx.select({ id: posts.id }).from(posts).where(byKimOrUser(posts, posts.authorId))).map((p) => p.id);
		const campaignIds = userIds.length ? (await tx.select({ id: campaigns.id }).from(campaigns).where(inArray(campaigns.createdBy, userIds))).map((c) => c.id) : [];
		const reportIds = (await tx.select({ id: activityReports.id }).from(activityReports).where(byKimOrUser(activityReports, activityReports.reporterId))).map((r) => r.id);
		const byUser = (col: AnyColumn) => (userIds.length ? inArray(col, userIds) : sql`false`);
		const aduanIds = (await tx.select({ id: aduan.id }).from(aduan).where(or(byUser(aduan.reporterId), byUser(aduan.assistedBy)))).map((a) => a.id);
		const surveyIds = (await tx.select({ id: surveys.id }).from(surveys).where(byUser(surveys.createdBy))).map((s) => s.id);
		if (aduanIds.length) await tx.delete(aduan).where(inArray(aduan.id, aduanIds));
		if (surveyIds.length) await tx.delete(surveys).where(inArray(surveys.id, surveyIds));
		await tx.delete(surveyResponses).where(byUser(surveyResponses.userId));
		if (campaignIds.length) await tx.delete(campaigns).where(inArray(campaigns.id, campaignIds));
		if (reportIds.length) await tx.delete(activityReports).where(inArray(activityReports.id, reportIds));
		if (postIds.length) await tx.delete(posts).where(inArray(posts.id, postIds));
		if (kimIds.length) await tx.delete(kims).where(inArray(kims.id, kimIds));
		const owners = [...kimIds, ...postIds, ...campaignIds, ...reportIds, ...aduanIds];
		const keys = owners.length ? (await tx.delete(files).where(inArray(files.ownerId, owners)).returning({ key: files.storageKey })).map((f) => f.key) : [];
		if (userIds.length) await tx.delete(users).where(inArray(users.id, userIds));
		const counts = { kims: kimIds.length, users: userIds.length, posts: postIds.length, campaigns: campaignIds.length, reports: reportIds.length, aduan: aduanIds.length, surveys: surveyIds.length };
		await audit(tx, null, 'demo.purge', { type: 'system' }, { after: counts });
		return { counts, keys };
	});
	if (storage) for (const key of result.keys) await discardStoredFile(storage, key);
	return result.counts;
}
