/** Where the report form keeps an unsent draft on the device (cleared once the report is recorded). */
export const DRAFT_KEY = 'simpul:lapor-draft';
