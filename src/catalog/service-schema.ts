/**
 * Zod schemas for the service side of the catalog: services, their deployment variants, resource
 * facts, the condition language both use, and the provider's own attestations.
 */
import { z } from 'zod';
import {
  AssignmentMap,
  areaId,
  awsDocUrl,
  fieldPath,
  httpsUrl,
  isoDate,
  resourceType,
  SERVICE_CATEGORIES,
  SERVICE_MODELS,
  text,
} from './schema.js';

const slug = z.string().regex(/^[a-z0-9-]+$/, 'ids are lower-case words joined by hyphens');

/** Values a condition compares with; strings compare without regard to case (CloudFormation enums vary). */
const scalar = z.union([z.string(), z.boolean(), z.number()]);

/**
 * A test on one resource, read from its model object (modeled types) or from its `properties`
 * bag (unmodeled types, CloudFormation property names). Shared by resource facts and variants.
 */
export type Condition =
  | { kind: 'customer-managed-key'; fields: string[] }
  | { kind: 'equals'; field: string; value: string | boolean | number }
  | { kind: 'one-of'; field: string; values: Array<string | boolean | number> }
  | { kind: 'present'; field: string }
  | { kind: 'resource-type'; types: string[] }
  | { kind: 'always' }
  | { kind: 'all'; of: Condition[] }
  | { kind: 'any'; of: Condition[] };

export const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.discriminatedUnion('kind', [
    /** Any of the fields names a KMS key the customer manages. */
    z.strictObject({ kind: z.literal('customer-managed-key'), fields: z.array(fieldPath).min(1) }),
    z.strictObject({ kind: z.literal('equals'), field: fieldPath, value: scalar }),
    z.strictObject({ kind: z.literal('one-of'), field: fieldPath, values: z.array(scalar).min(1) }),
    /** The field is set to something other than null, false or an empty list. */
    z.strictObject({ kind: z.literal('present'), field: fieldPath }),
    z.strictObject({ kind: z.literal('resource-type'), types: z.array(resourceType).min(1) }),
    /** Holds for every resource in `appliesTo`: refines a service that spans several resource types. */
    z.strictObject({ kind: z.literal('always') }),
    z.strictObject({ kind: z.literal('all'), of: z.array(ConditionSchema).min(1) }),
    z.strictObject({ kind: z.literal('any'), of: z.array(ConditionSchema).min(1) }),
  ]),
);
export type FactCondition = Condition;

export const SourceSchema = z.strictObject({ url: awsDocUrl, title: text });
export type Source = z.infer<typeof SourceSchema>;

/**
 * A deployment variant of a service (ECS on Fargate, Lambda container image, RDS Custom),
 * detected from the resource itself. Every matching variant applies, in catalog order.
 */
export const VariantSchema = z.strictObject({
  id: slug,
  name: text,
  description: text,
  when: ConditionSchema,
  overrides: AssignmentMap.refine(
    (m) => Object.keys(m).length > 0,
    'a variant must change at least one area',
  ),
  /** Customer areas of this variant that no check verifies: answered by attestation. */
  attestationOnly: z.array(areaId).default([]),
  sources: z.array(SourceSchema).min(1),
});
export type Variant = z.infer<typeof VariantSchema>;

export const ServiceSchema = z.strictObject({
  id: slug,
  name: text,
  category: z.enum(SERVICE_CATEGORIES),
  model: z.enum(SERVICE_MODELS),
  scope: z.enum(['regional', 'global']),
  /** CloudFormation type names (the same names AWS Config uses) of the resources the service owns. */
  resourceTypes: z.array(resourceType).min(1),
  /** Bundles of assignments from categories.json `traits`, applied before `overrides`. */
  traits: z.array(slug).default([]),
  overrides: AssignmentMap,
  variants: z.array(VariantSchema).default([]),
  /**
   * Customer areas that no whoowns check verifies for this service: they are answered by an
   * attestation. Listing them is how a gap is made visible instead of silently missing.
   */
  attestationOnly: z.array(areaId).default([]),
  sources: z.array(SourceSchema).min(1),
  reviewed: isoDate,
  notes: text.optional(),
});
export type Service = z.infer<typeof ServiceSchema>;

/** One file of services/ (the services are split by domain to keep each file readable). */
export const ServicesFileSchema = z.strictObject({
  description: text,
  services: z.array(ServiceSchema).min(1),
});
export type ServicesFile = z.infer<typeof ServicesFileSchema>;

export const ResourceFactSchema = z.strictObject({
  id: slug,
  description: text,
  appliesTo: z.array(resourceType).min(1).optional(),
  when: ConditionSchema,
  assignments: AssignmentMap.refine((m) => Object.keys(m).length > 0, 'a fact must assign at least one area'),
});
export type ResourceFact = z.infer<typeof ResourceFactSchema>;

export const FactsFileSchema = z.strictObject({
  description: text,
  resourceFacts: z.array(ResourceFactSchema),
});
export type FactsFile = z.infer<typeof FactsFileSchema>;

/** Third-party reports that back what AWS carries ("inherited" areas point at these). */
export const ProviderAttestationSchema = z.strictObject({
  id: slug,
  name: text,
  url: httpsUrl,
  /** What the report covers, in our words. */
  covers: text,
});

export const ProviderFileSchema = z.strictObject({
  description: text,
  id: slug,
  name: text,
  attestations: z.array(ProviderAttestationSchema).min(1),
  /** Where to confirm that a given service is in scope of each program. */
  servicesInScope: httpsUrl,
  /** The authorization a FedRAMP system leverages when it runs on AWS (OSCAL leveraged-authorization). */
  leveragedAuthorization: z.strictObject({
    title: text,
    url: httpsUrl,
    /** Date-authorized is the user's to state (it is on the FedRAMP Marketplace listing), not ours. */
    note: text,
  }),
});
export type ProviderFile = z.infer<typeof ProviderFileSchema>;
