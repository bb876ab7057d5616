import { handToApi } from '$lib/server/http/to-api';

/** Every /open311 request (GeoReport v2) goes to the Hono app. */
export const GET = handToApi;
export const POST = handToApi;
export const PUT = handToApi;
export const PATCH = handToApi;
export const DELETE = handToApi;
