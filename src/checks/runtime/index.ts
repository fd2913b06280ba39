import type { Check } from '../check.js';

/** The runtime group's checks, in id order. */
export const runtimeChecks: Check[] = [];
