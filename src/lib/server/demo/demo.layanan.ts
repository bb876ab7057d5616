import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { emergencyNumbers, facilities, publicServices } from '../db/schema';
import { slugify } from '../layanan/layanan.rules';
import { DEMO_EMERGENCY, DEMO_FACILITIES, DEMO_SERVICES } from './demo.layanan.data';

/** Rough centres of the kecamatan (for kantor kelurahan points; approximate, inside CITY_BBOX). */
const KECAMATAN_CENTRE: Record<string, [number, number]> = {
	'01': [-7.497, 110.218],
	'02': [-7.458, 110.219],
	'03': [-7.476, 110.219]
};

/**
 * The demo public-service directory: ~16 services, the kantor kelurahan of every `villages`
 * entry plus puskesmas, hospital, kecamatan offices, MPP, posyandu, police, fire station,
 * library; the emergency numbers (112 first). The units (OPD) come from seedAduanReference,
 * which bootstrap runs first. Runs once inside seedDemo's transaction; slugs
 * already present are skipped, so a second run adds nothing. A handful of multi-row inserts.
 */
export async function seedDemoLayanan(db: Db, villages: { code: string; name: string }[]) {
	if (villages.length === 0) return;

	await db.insert(publicServices).values(DEMO_SERVICES.map((s) => ({
		slug: s.slug, name: s.name, unitCode: s.unitCode, category: s.category, description: s.description,
		requirements: s.requirements, steps: s.steps, fee: s.fee, feeNote: s.feeNote ?? null, serviceTime: s.serviceTime,
		location: s.location, hours: s.hours, contact: s.contact ?? null, onlineUrl: s.onlineUrl ?? null
	}))).onConflictDoNothing();

	const byName = new Map(villages.map((v) => [v.name.toLowerCase(), v.code]));
	const codeOf = (name: string) => byName.get(name.toLowerCase()) ?? villages[0].code;
	const offices = villages.map((v, i) => {
		const [lat, lng] = KECAMATAN_CENTRE[v.code.split('.')[2]] ?? [-7.476, 110.218];
		// Spread the offices around the centre on a small ring (±0.008°), still inside the box.
		const angle = (i * 2 * Math.PI) / 7;
		return {
			slug: slugify(`kantor kelurahan ${v.name}`),
			name: `Kantor Kelurahan ${v.name}`,
			kind: 'kantor_kelurahan' as const,
			address: `Kelurahan ${v.name} (alamat contoh demo)`,
			kelurahanCode: v.code,
			lat: Number((lat + 0.008 * Math.sin(angle)).toFixed(5)),
			lng: Number((lng + 0.008 * Math.cos(angle)).toFixed(5)),
			openingHours: 'Senin–Kamis 07.30–15.30, Jumat 07.30–11.00',
			description: 'Surat pengantar, SKTM, legalisasi dan layanan administrasi kelurahan.'
		};
	});
	const others = DEMO_FACILITIES.map((f) => ({
		slug: slugify(f.name), name: f.name, kind: f.kind, address: f.address, kelurahanCode: codeOf(f.kelurahan),
		lat: f.lat, lng: f.lng, openingHours: f.openingHours, phone: f.phone ?? null, description: f.description ?? null
	}));
	await db.insert(facilities).values([...others, ...offices]).onConflictDoNothing();

	const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(emergencyNumbers);
	if (n === 0) await db.insert(emergencyNumbers).values(DEMO_EMERGENCY);
}
