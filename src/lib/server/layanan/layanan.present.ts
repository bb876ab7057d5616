import { z } from '@hono/zod-openapi';
import { m } from '../../paraglide/messages.js';
import { FACILITY_KINDS, SERVICE_CATEGORIES, feeLabel, osmUrl, telHref, type FacilityKind, type ServiceCategory } from './layanan.rules';
import type { EmergencyRow, FacilityWithPlace, ServiceWithUnit } from './layanan.queries';

import { categoryLabel, kindLabel } from '../../layanan-labels';


export const servicePath = (slug: string) => `/layanan/${slug}`;
export const facilityPath = (slug: string) => `/layanan/fasilitas/${slug}`;
const absolute = (publicUrl: string, path: string) => `${publicUrl.replace(/\/$/, '')}${path}`;

export const ServiceOut = z
	.object({
		id: z.uuid(),
		slug: z.string(),
		name: z.string(),
		url: z.string(),
		unit: z.object({ code: z.string(), name: z.string(), short_name: z.string() }),
		category: z.enum(SERVICE_CATEGORIES),
		category_label: z.string(),
		description: z.string(),
		requirements: z.array(z.string()),
		steps: z.array(z.string()),
		fee: z.number().int().openapi({ description: 'Integer rupiah; 0 = free' }),
		fee_label: z.string().openapi({ example: 'Rp 15.000', description: '"Gratis" for 0; for 0 with a fee_note (a fee that varies) the note' }),
		fee_note: z.string().nullable(),
		service_time: z.string(),
		location: z.string(),
		hours: z.string(),
		contact: z.string().nullable(),
		online_url: z.string().nullable(),
		kelurahan_codes: z.array(z.string()),
		is_published: z.boolean(),
		updated_at: z.string()
	})
	.openapi('PublicService');
export type ServiceView = z.infer<typeof ServiceOut>;

export function presentService(s: ServiceWithUnit, publicUrl: string): ServiceView {
	return {
		id: s.id,
		slug: s.slug,
		name: s.name,
		url: absolute(publicUrl, servicePath(s.slug)),
		unit: { code: s.unitCode, name: s.unitName, short_name: s.unitShortName },
		category: s.category as ServiceCategory,
		category_label: categoryLabel(s.category),
		description: s.description,
		requirements: s.requirements,
		steps: s.steps,
		fee: s.fee,
		fee_label: feeLabel(s.fee, s.feeNote, m.layanan_fee_free()),
		fee_note: s.feeNote,
		service_time: s.serviceTime,
		location: s.location,
		hours: s.hours,
		contact: s.contact,
		online_url: s.onlineUrl,
		kelurahan_codes: s.kelurahanCodes,
		is_published: s.isPublished,
		updated_at: s.updatedAt.toISOString()
	};
}

export const FacilityOut = z
	.object({
		id: z.uuid(),
		slug: z.string(),
		name: z.string(),
		url: z.string(),
		kind: z.enum(FACILITY_KINDS),
		kind_label: z.string(),
		address: z.string(),
		kelurahan: z.object({ code: z.string(), name: z.string() }),
		lat: z.number().nullable(),
		lng: z.number().nullable(),
		map_url: z.string().nullable().openapi({ description: 'OpenStreetMap at the point' }),
		opening_hours: z.string().nullable(),
		phone: z.string().nullable(),
		description: z.string().nullable(),
		is_published: z.boolean(),
		updated_at: z.string()
	})
	.openapi('Facility');
export type FacilityView = z.infer<typeof FacilityOut>;

export function presentFacility(f: FacilityWithPlace, publicUrl: string): FacilityView {
	return {
		id: f.id,
		slug: f.slug,
		name: f.name,
		url: absolute(publicUrl, facilityPath(f.slug)),
		kind: f.kind,
		kind_label: kindLabel(f.kind),
		address: f.address,
		kelurahan: { code: f.kelurahanCode, name: f.kelurahanName },
		lat: f.lat,
		lng: f.lng,
		map_url: f.lat !== null && f.lng !== null ? osmUrl(f.lat, f.lng) : null,
		opening_hours: f.openingHours,
		phone: f.phone,
		description: f.description,
		is_published: f.isPublished,
		updated_at: f.updatedAt.toISOString()
	};
}

export const EmergencyOut = z
	.object({
		id: z.uuid(),
		label: z.string(),
		number: z.string(),
		tel: z.string().openapi({ example: 'tel:112' }),
		description: z.string().nullable(),
		position: z.number().int()
	})
	.openapi('EmergencyNumber');
export type EmergencyView = z.infer<typeof EmergencyOut>;

export const presentEmergency = (e: EmergencyRow): EmergencyView => ({
	id: e.id,
	label: e.label,
	number: e.number,
	tel: telHref(e.number),
	description: e.description,
	position: e.position
});
