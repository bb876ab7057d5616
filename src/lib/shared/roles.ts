/** Roles and positions, shared by browser and server. See docs: product.md "Who uses it". */
export const SYSTEM_ROLES = ['warga', 'petugas', 'admin'] as const;
export type SystemRole = (typeof SYSTEM_ROLES)[number];

export const KIM_POSITIONS = ['ketua', 'sekretaris', 'bendahara', 'seksi', 'anggota'] as const;
export type KimPosition = (typeof KIM_POSITIONS)[number];

/** Board positions make a member `pengurus`; the others make them `anggota`. */
export const BOARD_POSITIONS: readonly KimPosition[] = ['ketua', 'sekretaris', 'bendahara'];

export const ROLES = ['warga', 'anggota', 'pengurus', 'petugas', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const isBoardPosition = (p: KimPosition) => BOARD_POSITIONS.includes(p);

export const KIM_STATUSES = ['registered', 'verified', 'returned', 'inactive'] as const;
export type KimStatus = (typeof KIM_STATUSES)[number];

export const KIM_FOCUS = ['ekonomi_kreatif', 'sosial_budaya', 'literasi'] as const;
export type KimFocus = (typeof KIM_FOCUS)[number];
