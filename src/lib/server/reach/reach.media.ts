/**
 * The printable side of a share kit: QR codes of a short link (SVG, PNG) and an A4 poster (PDF,
 * standard Helvetica fonts so no font files are needed; text is made WinAnsi-safe first).
 */
import QRCode from 'qrcode';
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { kimLabel, toWinAnsi } from './reach.rules';

/** Medium error correction survives a crease or a smudge on a printed poster. */
const QR_OPTIONS = { errorCorrectionLevel: 'M' as const, margin: 2, color: { dark: '#000000', light: '#ffffff' } };

export const qrSvg = (text: string) => QRCode.toString(text, { ...QR_OPTIONS, type: 'svg' });

export async function qrPng(text: string, width = 600): Promise<Uint8Array> {
	return new Uint8Array(await QRCode.toBuffer(text, { ...QR_OPTIONS, type: 'png', width }));
}

export type PosterContent = {
	cityName: string;
	title: string;
	keyMessages: string[];
	summary: string | null;
	shortUrl: string;
	kimName: string;
	/** Fixed labels in the poster's language. */
	labels: { scan: string; spreadBy: string };
};

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 48;
const BRAND = rgb(0x0b / 255, 0x5e / 255, 0x55 / 255);
const TEXT = rgb(0.04, 0.05, 0.05);
const MUTED = rgb(0.31, 0.35, 0.37);

/** Splits text into lines no wider than `width` (long words are cut). */
export function wrapText(text: string, font: PDFFont, size: number, width: number): string[] {
	const lines: string[] = [];
	for (const paragraph of text.split('\n')) {
		let line = '';
		for (let word of paragraph.split(' ').filter(Boolean)) {
			while (font.widthOfTextAtSize(word, size) > width) {
				let cut = word.length - 1;
				while (cut > 1 && font.widthOfTextAtSize(word.slice(0, cut), size) > width) cut--;
				if (line) lines.push(line), (line = '');
				lines.push(word.slice(0, cut));
				word = word.slice(cut);
			}
			const next = line ? `${line} ${word}` : word;
			if (font.widthOfTextAtSize(next, size) <= width) line = next;
			else lines.push(line), (line = word);
		}
		if (line) lines.push(line);
	}
	return lines;
}

/** Draws lines from `y` down, at most `max` of them; the last shown line gets "…" when cut. */
function drawLines(page: PDFPage, lines: string[], o: { x: number; y: number; font: PDFFont; size: number; leading: number; max: number; color: ReturnType<typeof rgb> }) {
	const shown = lines.slice(0, Math.max(0, o.max));
	if (lines.length > shown.length && shown.length) shown[shown.length - 1] = `${shown[shown.length - 1].replace(/[\s.,;:]+$/, '')}…`;
	let y = o.y;
	for (const line of shown) {
		page.drawText(line, { x: o.x, y: y - o.size, size: o.size, font: o.font, color: o.color });
		y -= o.leading;
	}
	return y;
}

const centred = (page: PDFPage, text: string, y: number, font: PDFFont, size: number, color = TEXT) =>
	page.drawText(text, { x: (A4[0] - font.widthOfTextAtSize(text, size)) / 2, y, size, font, color });

/** The largest size (down to `min`) at which `text` fits in `width`. */
function fitSize(text: string, font: PDFFont, width: number, max: number, min: number) {
	let size = max;
	while (size > min && font.widthOfTextAtSize(text, size) > width) size -= 1;
	return size;
}

/**
 * An A4 poster: the campaign's title, key messages and the main post's summary above a large QR
 * code of the member's short link, the link in large type, and "Disebarkan oleh KIM …". Long
 * texts are cut with "…" so the QR code and link always fit on the one page.
 */
export async function posterPdf(content: PosterContent): Promise<Uint8Array> {
	const doc = await PDFDocument.create();
	doc.setTitle(toWinAnsi(content.title));
	doc.setAuthor(toWinAnsi(kimLabel(content.kimName)));
	doc.setCreator('Simpul');
	const page = doc.addPage(A4);
	const [regular, bold] = await Promise.all([doc.embedFont(StandardFonts.Helvetica), doc.embedFont(StandardFonts.HelveticaBold)]);
	const width = A4[0] - 2 * MARGIN;

	// Header band with the site's name.
	page.drawRectangle({ x: 0, y: A4[1] - 64, width: A4[0], height: 64, color: BRAND });
	page.drawText(toWinAnsi(`Simpul ${content.cityName}`), { x: MARGIN, y: A4[1] - 40, size: 18, font: bold, color: rgb(1, 1, 1) });

	// The QR block (code, caption, link) needs at least MIN_QR + QR_EXTRA above the footer; the
	// texts share what remains, and the block then grows into the space they leave, centred.
	const footerTop = 72;
	const MIN_QR = 220, MAX_QR = 320, QR_EXTRA = 96;
	const textFloor = footerTop + 16 + MIN_QR + QR_EXTRA + 24;

	let y = A4[1] - 64 - 36;
	y = drawLines(page, wrapText(toWinAnsi(content.title), bold, 30, width), { x: MARGIN, y, font: bold, size: 30, leading: 36, max: 3, color: TEXT }) - 12;
	for (const message of content.keyMessages.slice(0, 5)) {
		const room = Math.floor((y - textFloor - (content.summary ? 44 : 0)) / 23);
		if (room < 1) break;
		const lines = wrapText(toWinAnsi(message), regular, 17, width - 20);
		page.drawText('•', { x: MARGIN, y: y - 17, size: 17, font: bold, color: BRAND });
		y = drawLines(page, lines, { x: MARGIN + 20, y, font: regular, size: 17, leading: 23, max: Math.min(room, 3), color: TEXT }) - 6;
	}
	if (content.summary) {
		const room = Math.floor((y - 8 - textFloor) / 18);
		y = drawLines(page, wrapText(toWinAnsi(content.summary), regular, 13, width), { x: MARGIN, y: y - 8, font: regular, size: 13, leading: 18, max: Math.min(room, 4), color: MUTED });
	}

	const space = y - 24 - (footerTop + 16);
	const qrSize = Math.max(MIN_QR, Math.min(MAX_QR, space - QR_EXTRA - 24));
	const qrTop = y - 24 - Math.max(0, (space - qrSize - QR_EXTRA) / 2);
	const qrBottom = qrTop - qrSize;
	const qr = await doc.embedPng(await qrPng(content.shortUrl, 800));
	page.drawImage(qr, { x: (A4[0] - qrSize) / 2, y: qrBottom, width: qrSize, height: qrSize });
	centred(page, toWinAnsi(content.labels.scan), qrBottom - 26, regular, 15, MUTED);
	const url = toWinAnsi(content.shortUrl.replace(/^https?:\/\//, ''));
	centred(page, url, qrBottom - 70, bold, fitSize(url, bold, width, 32, 12));

	page.drawRectangle({ x: 0, y: 0, width: A4[0], height: footerTop, color: rgb(0.953, 0.957, 0.961) });
	const spread = toWinAnsi(`${content.labels.spreadBy} ${kimLabel(content.kimName)}`);
	centred(page, spread, 30, bold, fitSize(spread, bold, width, 18, 10), BRAND);
	return doc.save();
}
