/**
 * How much the data generator writes at each scale. `city` ≈ Kota Magelang, `national` ≈ a
 * national KIM network over every desa/kelurahan of idn-area-data; `tiny` is for tests only.
 */
export type ScaleName = 'city' | 'national' | 'tiny';

export type Plan = {
	scale: ScaleName;
	/** `home`: the installation's own kota/kabupaten (loaded at first start); `national`: every region. */
	regions: 'home' | 'national';
	kims: number;
	/** Members per KIM: a ketua, sekretaris, bendahara, seksi and the rest anggota. */
	membersPerKim: number;
	/** Residents (warga) who file aduan. */
	wargas: number;
	petugas: number;
	posts: number;
	/** Activity reports. */
	reports: number;
	clicks: number;
	aduan: number;
	/** Campaigns; the first two are very large (every verified KIM, most of the clicks). */
	campaigns: number;
	/** Share links per assigned KIM in an ordinary campaign (a large one gives every member a link). */
	linksPerKim: number;
	/** Rows per INSERT for the big tables (progress is printed per chunk). */
	chunk: number;
};

export const PLANS: Record<ScaleName, Plan> = {
	city: {
		scale: 'city', regions: 'home', kims: 20, membersPerKim: 15, wargas: 2_000, petugas: 3,
		posts: 5_000, reports: 50_000, clicks: 500_000, aduan: 20_000, campaigns: 30, linksPerKim: 3, chunk: 250_000
	},
	national: {
		scale: 'national', regions: 'national', kims: 3_600, membersPerKim: 15, wargas: 100_000, petugas: 20,
		posts: 200_000, reports: 1_000_000, clicks: 10_000_000, aduan: 1_000_000, campaigns: 300, linksPerKim: 3, chunk: 1_000_000
	},
	tiny: {
		scale: 'tiny', regions: 'home', kims: 6, membersPerKim: 5, wargas: 30, petugas: 2,
		posts: 120, reports: 400, clicks: 3_000, aduan: 300, campaigns: 5, linksPerKim: 2, chunk: 1_000
	}
};

export const isScaleName = (s: string): s is ScaleName => s in PLANS;

/** The counts a plan promises (what the manifest reports and the test checks). */
export const plannedCounts = (p: Plan) => ({
	kims: p.kims,
	members: p.kims * p.membersPerKim,
	posts: p.posts,
	reports: p.reports,
	clicks: p.clicks,
	aduan: p.aduan,
	campaigns: p.campaigns
});

/** The e-mail domain of every generated account: how generated data is recognised. */
export const GENERATED_DOMAIN = 'bench.simpul.test';
/** The password every generated account shares. */
export const GENERATED_PASSWORD = 'simpul-bench';
