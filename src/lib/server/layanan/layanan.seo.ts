/**
 * Link previews and structured data for the directory's public pages: Open Graph tags (as the
 * post pages, portal/seo), JSON-LD GovernmentService for a service and CivicStructure (or a
 * more precise type: Hospital, GovernmentOffice, …) for a facility. Pure functions.
 */
import { absoluteUrl, type MetaTag } from '../portal/seo';
import { FACILITY_SCHEMA_TYPE, type FacilityKind } from './layanan.rules';
import type { FacilityView, ServiceView } from './layanan.present';

/** The page's description: the item's own, else a sentence built from its facts. */
const short = (s: string, max = 200) => (s.length > max ? `${s.slice(0, max - 1).trimEnd()}…` : s);

export function pageMetaTags(page: { title: string; description: string; url: string }, siteName: string): MetaTag[] {
	return [
		{ property: 'og:type', content: 'website' },
		{ property: 'og:site_name', content: siteName },
		{ property: 'og:title', content: page.title },
		{ property: 'og:description', content: short(page.description) },
		{ property: 'og:url', content: page.url },
		{ property: 'og:locale', content: 'id_ID' },
		{ name: 'twitter:card', content: 'summary' },
		{ name: 'twitter:title', content: page.title },
		{ name: 'twitter:description', content: short(page.description) }
	];
}

export const serviceDescription = (s: ServiceView) =>
	short(s.description || `${s.name}: ${s.unit.name}. ${s.fee_label}. ${s.service_time}.`);

export function serviceJsonLd(s: ServiceView, opts: { publicUrl: string; cityName: string }): Record<string, unknown> {
	return {
		'@context': 'https://schema.org',
		'@type': 'GovernmentService',
		name: s.name,
		description: serviceDescription(s),
		url: s.url,
		serviceType: s.category_label,
		provider: { '@type': 'GovernmentOrganization', name: s.unit.name },
		areaServed: { '@type': 'City', name: opts.cityName },
		availableChannel: [
			{ '@type': 'ServiceChannel', name: s.location, availableLanguage: 'id', description: s.hours },
			...(s.online_url ? [{ '@type': 'ServiceChannel', serviceUrl: s.online_url, name: 'Daring' }] : [])
		],
		offers: { '@type': 'Offer', price: s.fee, priceCurrency: 'IDR', description: s.fee_label },
		...(s.requirements.length ? { termsOfService: s.requirements.join('; ') } : {}),
		mainEntityOfPage: absoluteUrl(opts.publicUrl, `/layanan/${s.slug}`)
	};
}

export const facilityDescription = (f: FacilityView) =>
	short(f.description || `${f.kind_label} di ${f.address}, Kelurahan ${f.kelurahan.name}.${f.opening_hours ? ` ${f.opening_hours}.` : ''}`);

export function facilityJsonLd(f: FacilityView, opts: { cityName: string }): Record<string, unknown> {
	return {
		'@context': 'https://schema.org',
		'@type': FACILITY_SCHEMA_TYPE[f.kind as FacilityKind] ?? 'CivicStructure',
		name: f.name,
		description: facilityDescription(f),
		url: f.url,
		address: { '@type': 'PostalAddress', streetAddress: f.address, addressLocality: `${f.kelurahan.name}, ${opts.cityName}`, addressCountry: 'ID' },
		...(f.lat !== null && f.lng !== null ? { geo: { '@type': 'GeoCoordinates', latitude: f.lat, longitude: f.lng }, hasMap: f.map_url } : {}),
		...(f.phone ? { telephone: f.phone } : {})
	};
}
