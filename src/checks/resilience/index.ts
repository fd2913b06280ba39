import type { Check } from '../check.js';

/** The resilience group's checks, in id order. */
export const resilienceChecks: Check[] = [];
