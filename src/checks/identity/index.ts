import type { Check } from '../check.js';

/** The identity group's checks, in id order. */
export const identityChecks: Check[] = [];
