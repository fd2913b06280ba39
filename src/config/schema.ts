/**
 * The user's own file, whoowns.yaml: responsibility overrides ("our managed service provider
 * patches the OS") and attestations for what no machine can check (training, incident response).
 * Strict: an unknown key is a typo until proven otherwise.
 */
import { z } from 'zod';
import { CUSTOMER_ACTIONS, OWNERS } from '../catalog/schema.js';

const text = z.string().trim().min(1);

function isRealDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

export const dateString = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date written YYYY-MM-DD')
  .refine(isRealDate, 'not a calendar date');

/** Where an entry applies. Neither list: every resource (and the account, for account areas). */
const scope = {
  /** Catalog service ids, e.g. `ec2`. */
  services: z.array(text).min(1).optional(),
  /** Resource ids as the inventory names them: logical ids, ARNs or names. */
  resources: z.array(text).min(1).optional(),
};

/** What every entry carries: who answers for it, why, when it was decided and until when it holds. */
const record = {
  justification: text.optional(),
  evidence: z.url({ protocol: /^https?$/ }).optional(),
  /** When the decision was taken or the attestation made; never in the future. */
  date: dateString,
  /** After this date the entry stops counting and is reported as expired. */
  expires: dateString,
};

const needsWhy = (e: {
  justification?: string | undefined;
  evidence?: string | undefined;
  reason?: string | undefined;
}) => e.justification !== undefined || e.evidence !== undefined || e.reason !== undefined;
const WHY = { message: 'give a justification or an evidence link', path: ['justification'] };

export const OverrideSchema = z
  .strictObject({
    area: text,
    ...scope,
    /** The new owner of the area. */
    owner: z.enum(OWNERS),
    /** A third party that does the work (a managed service provider): the accountability stays yours. */
    performedBy: text.optional(),
    providerPart: text.optional(),
    customerPart: text.optional(),
    customerAction: z.enum(CUSTOMER_ACTIONS).optional(),
    /** Why the area does not apply, for owner n/a. */
    reason: text.optional(),
    /** Who approved the change of ownership. */
    approvedBy: text,
    ...record,
  })
  .refine(needsWhy, WHY);
export type Override = z.infer<typeof OverrideSchema>;

export const AttestationSchema = z
  .strictObject({
    area: text,
    ...scope,
    /** The person or team who answers for the attestation. */
    owner: text,
    ...record,
  })
  .refine(needsWhy, WHY);
export type Attestation = z.infer<typeof AttestationSchema>;

/** Facts about the user's system that only the user knows, for the OSCAL export. */
export const SystemSchema = z.strictObject({
  name: text.optional(),
  id: text.optional(),
  description: text.optional(),
  /** The date on the FedRAMP Marketplace listing of the AWS authorization the system leverages. */
  leveragedAuthorizationDate: dateString.optional(),
});

export const UserConfigFileSchema = z.strictObject({
  version: z.literal(1).optional(),
  overrides: z.array(OverrideSchema).default([]),
  attestations: z.array(AttestationSchema).default([]),
  system: SystemSchema.optional(),
});

/** An entry as loaded: where it was written, and whether it has expired. */
export type Located<T> = T & { line: number; expired: boolean };

export interface UserConfig {
  file: string;
  overrides: Array<Located<Override>>;
  attestations: Array<Located<Attestation>>;
  system: z.infer<typeof SystemSchema>;
}
