/**
 * The claim code of an assisted filing travels from the form action to the confirmation page in
 * this short-lived, http-only cookie (scoped to /aduan/terkirim) and is shown once: the page
 * deletes it. It is never put in a URL.
 */
export const CLAIM_COOKIE = 'simpul_aduan_klaim';
