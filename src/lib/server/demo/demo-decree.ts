/** A one-page PDF standing in for a KIM's SK decree in the demo dataset. */
export function demoDecreePdf(kimName: string, skNumber: string, skDate: string): Uint8Array {
	const esc = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`).replace(/[^\x20-\x7e]/g, '?');
	const lines = ['CONTOH - DATA DEMO SIMPUL', 'Surat Keputusan Pembentukan', esc(kimName), `Nomor ${esc(skNumber)}, tanggal ${esc(skDate)}`];
	const text = lines.map((l, i) => `BT /F1 ${i === 0 ? 20 : 14} Tf 72 ${760 - i * 32} Td (${l}) Tj ET`).join('\n');
	const objects = [
		'<</Type/Catalog/Pages 2 0 R>>',
		'<</Type/Pages/Kids[3 0 R]/Count 1>>',
		'<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>',
		`<</Length ${text.length}>>\nstream\n${text}\nendstream`,
		'<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>'
	];
	let pdf = '%PDF-1.4\n';
	const offsets: number[] = [];
	objects.forEach((body, i) => {
		offsets.push(pdf.length);
		pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
	});
	const xref = pdf.length;
	pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
	pdf += `trailer\n<</Size ${objects.length + 1}/Root 1 0 R>>\nstartxref\n${xref}\n%%EOF\n`;
	return new TextEncoder().encode(pdf);
}
