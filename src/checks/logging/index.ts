import type { Check } from '../check.js';

/** The logging group's checks, in id order. */
export const loggingChecks: Check[] = [];
