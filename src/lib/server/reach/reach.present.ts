import { z } from '@hono/zod-openapi';
import { fillMessage, linkUrls, whatsappUrl } from './reach.rules';

export const ShareKitOut = z
	.object({
		campaign_id: z.uuid(),
		kim_id: z.uuid(),
		kim_name: z.string(),
		code: z.string().openapi({ description: 'The personal short code (/s/<code>)' }),
		short_url: z.string().openapi({ description: 'Absolute URL of the member’s short link; opening it counts a click' }),
		whatsapp_url: z.string().openapi({ description: 'https://wa.me/?text=<the message>' }),
		message: z.string().openapi({ description: 'The campaign’s WhatsApp template with {judul} and {tautan} filled in' }),
		qr_svg_url: z.string(),
		qr_png_url: z.string(),
		poster_pdf_url: z.string().openapi({ description: 'A printable A4 poster with the QR code' })
	})
	.openapi('ShareKit');
export type ShareKit = z.infer<typeof ShareKitOut>;

/** A share kit: the personal link, the filled message and where its QR codes and poster are. */
export function presentShareKit(input: {
	link: { code: string; campaignId: string; kimId: string };
	campaign: { title: string; whatsappTemplate: string };
	kim: { name: string };
	post: { title: string } | undefined;
	publicUrl: string;
}): ShareKit {
	const urls = linkUrls(input.publicUrl, input.link.code);
	const message = fillMessage(input.campaign.whatsappTemplate, { judul: input.post?.title ?? input.campaign.title, tautan: urls.short });
	return {
		campaign_id: input.link.campaignId,
		kim_id: input.link.kimId,
		kim_name: input.kim.name,
		code: input.link.code,
		short_url: urls.short,
		whatsapp_url: whatsappUrl(message),
		message,
		qr_svg_url: urls.qrSvg,
		qr_png_url: urls.qrPng,
		poster_pdf_url: urls.poster
	};
}
