import { accountChecks } from './account/index.js';
import type { Check } from './check.js';
import { dataChecks } from './data/index.js';
import { identityChecks } from './identity/index.js';
import { loggingChecks } from './logging/index.js';
import { networkChecks } from './network/index.js';
import { resilienceChecks } from './resilience/index.js';
import { runtimeChecks } from './runtime/index.js';

/** Every check whoowns ships. Ids are unique; a test enforces it. */
export const ALL_CHECKS: readonly Check[] = [
  ...dataChecks,
  ...networkChecks,
  ...identityChecks,
  ...loggingChecks,
  ...runtimeChecks,
  ...resilienceChecks,
  ...accountChecks,
];
