import type { OrganizationFacts } from './organization.js';
import type { Resource } from './resources/index.js';
import type { SourceRef } from './value.js';

export type SourceKind = 'cloudformation' | 'aws' | 'inventory';

/** A resource the source saw but the model does not cover: reported as "not assessed". */
export interface UnmodeledResource {
  id: string;
  type: string;
  source: SourceRef;
  /**
   * A few of the resource's own settings, for the responsibility map to tell deployment variants
   * apart (ECS launch type, EKS Auto Mode, EMR release). Keys are CloudFormation property names
   * with CloudFormation shapes, whatever the source; values are plain JSON or, where the source
   * could not resolve them, an unknown `Value`. Only the properties the catalog's variant
   * conditions read are copied (`variantPropertyNames` in catalog/variant-properties.ts), never
   * the whole resource: container definitions and user data can hold secrets. Absent: the source
   * recorded nothing, so the variant is reported as unknown.
   */
  properties?: Record<string, unknown>;
}

/** Something the source could not read; the scan goes on and says so. */
export interface SourceProblem {
  /** The file, resource or API call it concerns. */
  where: string;
  message: string;
  resourceId?: string;
}

/** Account-wide settings; every field is unknown unless a source could see it. */
export type AccountFacts = Record<string, unknown>;

export interface Inventory {
  source: {
    kind: SourceKind;
    /** File path for templates, `aws://<account>` for live accounts. */
    location: string;
    account?: string;
    regions?: string[];
  };
  resources: Resource[];
  unmodeled: UnmodeledResource[];
  /** Resources left out because their CloudFormation Condition is false. */
  notCreated: UnmodeledResource[];
  problems: SourceProblem[];
  account?: AccountFacts;
  /** The account's organization, for IAM analysis; absent: the source does not know. */
  organization?: OrganizationFacts;
}
