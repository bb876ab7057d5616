/** Upload kinds: what each accepts and how it is stored. Pure data and checks. */
import { m } from '../../paraglide/messages.js';

export type UploadMime = 'application/pdf' | 'image/jpeg' | 'image/png' | 'image/webp';
export const IMAGE_MIMES: UploadMime[] = ['image/jpeg', 'image/png', 'image/webp'];

export type UploadKind = {
	purpose: string;
	maxBytes: number;
	mimes: UploadMime[];
	/** Images are re-encoded; larger ones are shrunk to fit this box (pixels). */
	maxSide: number;
	isPublic: boolean;
	typeError: () => string;
};

const MB = 1024 * 1024;

export const UPLOAD_KINDS = {
	kim_sk: {
		purpose: 'kim_sk',
		maxBytes: 5 * MB,
		mimes: ['application/pdf', ...IMAGE_MIMES],
		maxSide: 4000,
		isPublic: false,
		typeError: () => m.kim_file_sk_type()
	},
	kim_logo: {
		purpose: 'kim_logo',
		maxBytes: 2 * MB,
		mimes: IMAGE_MIMES,
		maxSide: 512,
		isPublic: true,
		typeError: () => m.kim_file_logo_type()
	}
} satisfies Record<string, UploadKind>;
export type UploadKindName = keyof typeof UPLOAD_KINDS;

export const EXTENSION: Record<UploadMime, string> = {
	'application/pdf': 'pdf',
	'image/jpeg': 'jpg',
	'image/png': 'png',
	'image/webp': 'webp'
};

export const isImageMime = (mime: string) => (IMAGE_MIMES as string[]).includes(mime);

/** "5 MB" for messages. */
export const megabytes = (bytes: number) => `${Math.round((bytes / MB) * 10) / 10} MB`;

/** The size problem of an upload, if any (checked before the bytes are parsed). */
export function sizeProblem(size: number, kind: UploadKind): string | undefined {
	if (size === 0) return m.kim_file_empty();
	if (size > kind.maxBytes) return m.kim_file_too_big({ max: megabytes(kind.maxBytes) });
	return undefined;
}

/** What a multipart form adds around one file (boundaries, headers, the other fields), at most. */
export const FORM_OVERHEAD_BYTES = 64 * 1024;

/**
 * The size problem of an upload judged from the request's `content-length` header alone, so an
 * oversized body can be refused before it is read. No header (a chunked body) or a malformed one
 * is not a problem here: the content is checked again after reading (sizeProblem).
 */
export function declaredSizeProblem(contentLength: string | null | undefined, kind: UploadKind): string | undefined {
	if (!contentLength || !/^\d+$/.test(contentLength.trim())) return undefined;
	if (Number(contentLength) > kind.maxBytes + FORM_OVERHEAD_BYTES) return m.kim_file_too_big({ max: megabytes(kind.maxBytes) });
	return undefined;
}
