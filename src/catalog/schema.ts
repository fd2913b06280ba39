/**
 * Zod schemas for the responsibility catalog's data files. The files are hand-curated, so the
 * schemas are strict: an unknown key is a typo until proven otherwise.
 */
import { z } from 'zod';

export const OWNERS = ['provider', 'shared', 'customer', 'n/a'] as const;
export type Owner = (typeof OWNERS)[number];

/** What the customer has to do for its part: the verbs AWS's own documentation uses. */
export const CUSTOMER_ACTIONS = ['enable', 'choose', 'configure', 'schedule', 'operate', 'provide'] as const;
export type CustomerAction = (typeof CUSTOMER_ACTIONS)[number];

export const AREA_GROUPS = [
  'physical',
  'guest-os',
  'platform',
  'network',
  'identity',
  'data',
  'resilience',
  'detect-respond',
  'application',
  'organization',
] as const;
export type AreaGroup = (typeof AREA_GROUPS)[number];

/**
 * Layers of AWS's shared-responsibility diagram, top (customer) to bottom (AWS). `it-controls`
 * holds what AWS describes as IT controls rather than a layer (patch, configuration and
 * awareness programs, incident response).
 */
export const AWS_LAYERS = [
  'customer-data',
  'platform-applications-iam',
  'os-network-firewall',
  'client-side-encryption',
  'server-side-encryption',
  'network-traffic-protection',
  'aws-software',
  'aws-infrastructure',
  'it-controls',
] as const;

export const SERVICE_CATEGORIES = ['infrastructure', 'container', 'abstracted'] as const;
export type ServiceCategory = (typeof SERVICE_CATEGORIES)[number];

export const SERVICE_MODELS = [
  'IaaS',
  'PaaS',
  'FaaS',
  'CaaS',
  'DBaaS',
  'Storage',
  'Network',
  'Identity',
  'Messaging',
  'Logging',
  'KeyManagement',
  'SaaS',
  'DaaS',
] as const;

/** Must match the keys of FrameworkRefs in checks/check.ts; a test keeps them in step. */
export const FRAMEWORK_KEYS = ['cis', 'fsbp', 'nist80053', 'pci', 'hipaa', 'iso27001', 'soc2'] as const;
export type FrameworkKey = (typeof FRAMEWORK_KEYS)[number];

export const text = z.string().trim().min(1);
export const areaId = z.string().regex(/^[a-z]+\.[a-z][a-z-]*$/, 'area ids look like "group.name"');
/** CloudFormation type names, plus whoowns' own `AWS::Account` for settings that exist once per account. */
export const resourceType = z
  .string()
  .regex(/^AWS::([A-Za-z0-9]+::[A-Za-z0-9]+|Account)$/, 'expected a CloudFormation type name');
/** A dotted path into a model object; `name[]` walks every element of an array. */
export const fieldPath = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9]*(\[\])?(\.[A-Za-z][A-Za-z0-9]*(\[\])?)*$/, 'expected a field path');
export const isoDate = z.iso.date();
export const httpsUrl = z.url({ protocol: /^https$/ });

/** Sources must be AWS's own documentation: the catalog restates AWS, it does not cite third parties. */
const AWS_DOC_HOSTS = /(^|\.)(amazon\.com|amazonaws\.cn|aws\.github\.io)$/;
export const awsDocUrl = httpsUrl.refine(
  (u) => AWS_DOC_HOSTS.test(new URL(u).hostname),
  'must be an AWS documentation URL',
);

export const AssignmentSchema = z.discriminatedUnion('owner', [
  z.strictObject({ owner: z.literal('provider'), providerPart: text, note: text.optional() }),
  z.strictObject({
    owner: z.literal('shared'),
    providerPart: text,
    customerPart: text,
    customerAction: z.enum(CUSTOMER_ACTIONS),
    /** Does AWS's default, untouched, already meet the customer's part? */
    defaultSatisfied: z.boolean(),
    note: text.optional(),
  }),
  z.strictObject({
    owner: z.literal('customer'),
    customerPart: text,
    customerAction: z.enum(CUSTOMER_ACTIONS),
    note: text.optional(),
  }),
  z.strictObject({ owner: z.literal('n/a'), reason: text }),
]);
export type Assignment = z.infer<typeof AssignmentSchema>;

export const AssignmentMap = z.record(areaId, AssignmentSchema);

export const AreaSchema = z.strictObject({
  id: areaId,
  group: z.enum(AREA_GROUPS),
  /** `account` areas are answered once per account (training, audit trail), not per resource. */
  scope: z.enum(['resource', 'account']),
  layer: z.enum(AWS_LAYERS),
  title: text,
  description: text,
  nist80053: z.array(text).min(1),
  /**
   * No machine can tell whether the customer's part is done (training, secure coding): it is
   * answered by an attestation in whoowns.yaml, never by a check.
   */
  attestationOnly: z.boolean().optional(),
});
export type Area = z.infer<typeof AreaSchema>;

export const AreasFileSchema = z.strictObject({ description: text, areas: z.array(AreaSchema).min(1) });

export const CategorySchema = z.strictObject({
  id: z.enum(SERVICE_CATEGORIES),
  title: text,
  description: text,
  examples: z.array(text).min(1),
  defaults: AssignmentMap,
});
export type Category = z.infer<typeof CategorySchema>;

export const CategoriesFileSchema = z.strictObject({
  description: text,
  categories: z.array(CategorySchema).min(1),
  account: z.strictObject({
    description: text,
    areas: AssignmentMap,
    /** Account areas whoowns has no check for yet: answered by attestation until one exists. */
    attestationOnly: z.array(areaId).default([]),
  }),
  /**
   * Named bundles of assignments a service can adopt (`"traits": ["no-guest-os"]`), so that the
   * same n/a reasoning is written once; applied after the category default, before the service's
   * own overrides, and shown in the trail.
   */
  traits: z
    .array(
      z.strictObject({
        id: z.string().regex(/^[a-z0-9-]+$/),
        description: text,
        assignments: AssignmentMap,
      }),
    )
    .default([]),
});

export const RequirementSchema = z.strictObject({
  id: text,
  /** Our own short words: the text of CIS, PCI, ISO and SOC 2 is copyrighted. */
  title: text,
  level: z.union([z.literal(1), z.literal(2)]).optional(),
  assessment: z.enum(['automated', 'manual']).optional(),
  note: text.optional(),
});

export const FrameworkSchema = z.strictObject({
  key: z.enum(FRAMEWORK_KEYS),
  id: text,
  name: text,
  version: text,
  textLicence: z.enum(['public', 'copyrighted']),
  source: httpsUrl,
  requirements: z.array(RequirementSchema).min(1),
});
export type Framework = z.infer<typeof FrameworkSchema>;

export const FrameworksFileSchema = z.strictObject({
  description: text,
  frameworks: z.array(FrameworkSchema).min(1),
});

export type AreasFile = z.infer<typeof AreasFileSchema>;
export type CategoriesFile = z.infer<typeof CategoriesFileSchema>;
export type FrameworksFile = z.infer<typeof FrameworksFileSchema>;
