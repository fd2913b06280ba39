import type { Check } from '../check.js';

/** The data group's checks, in id order. */
export const dataChecks: Check[] = [];
