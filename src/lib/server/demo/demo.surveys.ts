import { createHash } from 'node:crypto';
import type { Db } from '../db/client';
import { users } from '../db/schema';
import { TEMPLATE_CONTENT, type TemplateId } from '../surveys/surveys.templates';
import { insertResponse, insertSurvey, replaceQuestions, type Question } from '../surveys/surveys.queries';
import { cleanOptions, wibDayStart } from '../surveys/surveys.rules';

const DAY = 86_400_000;
const FIRST = ['Sri', 'Bambang', 'Tri', 'Wahyu', 'Endang', 'Slamet', 'Yuni', 'Dwi', 'Ratna', 'Heru', 'Sugeng', 'Puji'];
const LAST = ['Wahyuni', 'Prasetyo', 'Utami', 'Nugroho', 'Astuti', 'Riyadi', 'Saputra', 'Maryani'];

/** A small deterministic generator (mulberry32): the same demo every time, no Math.random. */
function rng(seed: number) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

async function surveyFrom(db: Db, template: TemplateId, petugasId: string, over: { status: 'draft' | 'open' | 'closed'; resultsPublic?: boolean; createdAt: Date; closedAt?: Date | null; closesAt?: Date | null }) {
	const t = TEMPLATE_CONTENT[template];
	const survey = await insertSurvey(db, {
		title: t.title, description: t.description, anonymous: t.anonymous, template, status: over.status, resultsPublic: over.resultsPublic ?? false,
		openedAt: over.status === 'draft' ? null : over.createdAt, closedAt: over.closedAt ?? null, closesAt: over.closesAt ?? null,
		createdBy: petugasId, createdAt: over.createdAt, updatedAt: over.createdAt
	});
	const questions = await replaceQuestions(db, survey.id, t.questions.map((q) => ({ type: q.type, text: q.text, section: q.section, help: q.help ?? null, options: cleanOptions(q.type, q.options), required: q.required, pillar: q.pillar ?? null })));
	return { survey, questions };
}

/** A plausible answer to one question (weighted toward the first options and the upper scale). */
function answerOf(q: Question, next: () => number, bias = 0): string | number | string[] | undefined {
	switch (q.type) {
		case 'single_choice':
			return q.options[Math.min(q.options.length - 1, Math.floor(next() * next() * q.options.length))];
		case 'multiple_choice': {
			const picked = q.options.filter(() => next() < 0.35);
			return picked.length ? picked : [q.options[Math.floor(next() * q.options.length)]];
		}
		case 'scale':
			return Math.max(1, Math.min(5, Math.round(3.1 + bias + next() * 2.4 - 0.9)));
		case 'long_text':
			return next() < 0.25 ? ['Jadwal posyandu dan imunisasi.', 'Info lowongan kerja di sekitar Magelang.', 'Syarat mengurus KTP dan KK.', 'Pengumuman pemadaman air.'][Math.floor(next() * 4)] : undefined;
		default:
			return undefined;
	}
}

/**
 * Demo surveys made from the two templates: an open *Survei Kebutuhan Informasi Warga* for all
 * residents with ~40 responses from demo residents, a closed *Indeks Literasi Digital* with
 * published results and ~60 anonymous responses over several kelurahan, and a draft poll.
 * Deterministic (seeded generator). Demo residents are marked is_demo and have no password.
 */
export async function seedDemoSurveys(db: Db, input: { petugasId: string; villages: { code: string; name: string }[] }) {
	if (!input.villages.length) return;
	const now = Date.now();
	const next = rng(20261128);

	const info = await surveyFrom(db, 'info_needs', input.petugasId, { status: 'open', createdAt: new Date(now - 10 * DAY), closesAt: new Date(now + 30 * DAY) });
	const residents = await db
		.insert(users)
		.values(Array.from({ length: 40 }, (_, i) => ({
			email: `responden${i + 1}@demo.simpul.test`,
			name: `${FIRST[i % FIRST.length]} ${LAST[(i * 5) % LAST.length]}`,
			role: 'warga' as const,
			passwordHash: null,
			isDemo: true,
			kelurahanCode: input.villages[(i * 7) % input.villages.length].code
		})))
		.returning({ id: users.id, kelurahanCode: users.kelurahanCode });
	for (const [i, r] of residents.entries()) {
		const answers = info.questions.map((q) => ({ questionId: q.id, value: answerOf(q, next) })).filter((a): a is { questionId: string; value: string | number | string[] } => a.value !== undefined);
		await insertResponse(db, { surveyId: info.survey.id, userId: r.id, kelurahanCode: r.kelurahanCode, createdAt: new Date(now - (9 - (i % 9)) * DAY - i * 60_000) }, answers);
	}

	const literacy = await surveyFrom(db, 'digital_literacy', input.petugasId, { status: 'closed', resultsPublic: true, createdAt: new Date(now - 60 * DAY), closedAt: new Date(now - 20 * DAY) });
	// Five kelurahan with different levels, so the pillar table tells a story.
	const places = input.villages.filter((_, i) => i % Math.max(1, Math.floor(input.villages.length / 5)) === 0).slice(0, 5);
	for (let i = 0; i < 60; i++) {
		const place = places[i % places.length];
		const bias = ((places.indexOf(place) % 5) - 2) * 0.3;
		const answers = literacy.questions.map((q) => ({ questionId: q.id, value: answerOf(q, next, q.pillar === 'keamanan' ? bias - 0.5 : bias)! }));
		// Anonymous: a stand-in device key, and the WIB day only (as submitResponse stores it).
		const deviceKey = createHash('sha256').update(`demo-device-${i}`).digest('hex');
		await insertResponse(db, { surveyId: literacy.survey.id, deviceKey, kelurahanCode: place.code, createdAt: wibDayStart(new Date(now - 50 * DAY + i * 3_600_000)) }, answers);
	}

	const draft = await insertSurvey(db, {
		title: 'Jajak pendapat: jadwal Car Free Day', description: 'Kapan Car Free Day di Jalan Pemuda sebaiknya diadakan?', anonymous: false, status: 'draft',
		createdBy: input.petugasId, createdAt: new Date(now - DAY), updatedAt: new Date(now - DAY)
	});
	await replaceQuestions(db, draft.id, [
		{ type: 'single_choice', text: 'Kapan Car Free Day sebaiknya diadakan?', options: ['Minggu pagi', 'Sabtu sore', 'Tidak perlu diadakan'], required: true, section: null, help: null, pillar: null },
		{ type: 'text', text: 'Usul kegiatan selama Car Free Day', options: [], required: false, section: null, help: 'Tidak wajib.', pillar: null }
	]);
}
