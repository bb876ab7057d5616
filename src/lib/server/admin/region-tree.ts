/** Pure: the loaded regions as kota/kabupaten → kecamatan → kelurahan/desa, for the admin page. */

type RegionLike = {
	code: string;
	name: string;
	level: string;
	parentCode: string | null;
	population: number | null;
	areaKm2: number | null;
};

export type RegionNode = {
	code: string;
	name: string;
	level: string;
	population: number | null;
	areaKm2: number | null;
	children: RegionNode[];
	/** Children whose population is filled in, and their sum. */
	filled: number;
	filledPopulation: number;
};

/** Builds the tree from flat rows (any order); provinces are left out, kota/kabupaten are roots. */
export function buildRegionTree(rows: RegionLike[]): RegionNode[] {
	const nodes = new Map<string, RegionNode>();
	const sorted = [...rows].sort((a, b) => a.code.localeCompare(b.code));
	for (const r of sorted) {
		nodes.set(r.code, { code: r.code, name: r.name, level: r.level, population: r.population, areaKm2: r.areaKm2, children: [], filled: 0, filledPopulation: 0 });
	}
	const roots: RegionNode[] = [];
	for (const r of sorted) {
		const node = nodes.get(r.code)!;
		if (r.level === 'kota' || r.level === 'kabupaten') roots.push(node);
		else if (r.level !== 'provinsi' && r.parentCode) {
			const parent = nodes.get(r.parentCode);
			if (!parent) continue;
			parent.children.push(node);
			if (node.population !== null) {
				parent.filled++;
				parent.filledPopulation += node.population;
			}
		}
	}
	return roots;
}
