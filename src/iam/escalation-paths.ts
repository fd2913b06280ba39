/** The privilege-escalation table as data (data/escalation-paths.json), checked by a zod schema. */
import { z } from 'zod';
import raw from './data/escalation-paths.json' with { type: 'json' };

const ACTION = /^[a-z0-9-]+:[A-Za-z0-9]+$/;

const StepSchema = z.strictObject({
  /** Any one of these actions completes the step. */
  anyOf: z.array(z.string().regex(ACTION)).min(1),
  /** For iam:PassRole: the service the role is passed to (the iam:PassedToService condition key). */
  passedToService: z.string().optional(),
  /** Which of the action's resource types to probe when it has several (RunInstances: instance). */
  resourceType: z.string().optional(),
});

export const TARGET_KINDS = ['other', 'self', 'own-policies'] as const;

const PathSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  /** Row of the research table the path comes from. */
  method: z.string().min(1),
  title: z.string().min(10),
  /** What the principal gains, in words. */
  gains: z.string().min(10),
  steps: z.array(StepSchema).min(1),
  /**
   * What the steps act on, tried in turn with every step on the same kind of target: another
   * principal or resource of the account, the principal itself, or the managed policies attached
   * to it. Default: another.
   */
  targets: z.array(z.enum(TARGET_KINDS)).min(1).optional(),
});

export const EscalationFileSchema = z.strictObject({
  description: z.string(),
  paths: z.array(PathSchema).min(20),
});

export type EscalationPath = z.infer<typeof PathSchema>;
export type EscalationStep = z.infer<typeof StepSchema>;

/**
 * The table is compiled into the package and validated against the schema by its test
 * (escalation-paths.test.ts), so a scan does not pay for validating it again.
 */
export function escalationPaths(): readonly EscalationPath[] {
  return (raw as z.infer<typeof EscalationFileSchema>).paths;
}
