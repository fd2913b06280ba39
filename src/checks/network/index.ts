import type { Check } from '../check.js';

/** The network group's checks, in id order. */
export const networkChecks: Check[] = [];
