import { isAdmin, type Actor } from '../auth/actor';

/** Fixing a region's name, population or area: admins only. */
export const canEditRegion = (actor: Actor) => isAdmin(actor);
/** Importing populations from a CSV: admins only. */
export const canImportPopulation = (actor: Actor) => isAdmin(actor);
/** Loading another kota/kabupaten from the reference data: admins only. */
export const canAddRegency = (actor: Actor) => isAdmin(actor);
