/** Test support: a check's verdict on a template written inline as YAML. */
import type { Check } from '../src/checks/check.js';
import { runChecks } from '../src/engine/run-checks.js';
import type { Status } from '../src/model/result.js';
import { loadTemplateText } from '../src/sources/cloudformation/index.js';

/** The status of the check's first result on the template (undefined when it gives none). */
export function firstStatus(check: Check, text: string): Status | undefined {
  return runChecks(loadTemplateText(text, 't.yaml'), [check])[0]?.status;
}
