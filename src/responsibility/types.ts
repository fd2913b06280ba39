/** The shape of the who-owns-what map, shared by its builder, reports and exports. */
import type { AreaGroup, CustomerAction, Owner, ServiceCategory } from '../catalog/schema.js';
import type { ResultResource } from '../model/result.js';

/**
 * inherited: AWS carries it (backed by its attestations). verified: every check passed.
 * failing: a check failed. unverified: the customer has a part and nothing shows it is done.
 * attested: no check could tell, and a current attestation in whoowns.yaml says it is done.
 * n/a: the area does not apply to this resource.
 */
export type AreaStatus = 'inherited' | 'verified' | 'failing' | 'unverified' | 'attested' | 'n/a';
/** The statuses of an area the customer has a part in (owner customer or shared). */
export type CustomerStatus = Extract<AreaStatus, 'verified' | 'failing' | 'unverified' | 'attested'>;
export const CUSTOMER_STATUSES: readonly CustomerStatus[] = ['verified', 'failing', 'unverified', 'attested'];

/**
 * One layer of the resolution, most general first: category default → trait → service override
 * → deployment variant → resource fact → the user's override (or the account block).
 */
export interface TrailStep {
  layer: 'category' | 'trait' | 'service' | 'variant' | 'resource-fact' | 'account' | 'override';
  id: string;
  owner: Owner;
}

export interface AreaEvidence {
  checkIds: string[];
  pass: number;
  fail: number;
  unknown: number;
  error: number;
}

/** Where a user's override or attestation was written, and what it says. */
export interface UserEntryRef {
  kind: 'override' | 'attestation';
  file: string;
  line: number;
  owner: string;
  justification?: string;
  evidence?: string;
  date: string;
  expires: string;
}

export interface AreaResponsibility {
  area: string;
  title: string;
  group: AreaGroup;
  owner: Owner;
  status: AreaStatus;
  providerPart?: string;
  customerPart?: string;
  customerAction?: CustomerAction;
  defaultSatisfied?: boolean;
  /** Why the area does not apply (owner n/a). */
  reason?: string;
  trail: TrailStep[];
  evidence: AreaEvidence;
  /** Inherited areas: who carries them and the reports that back it. */
  inheritedFrom?: { party: string; attestations: string[] };
  /** Attested areas, and overrides that changed the owner. */
  userEntries?: UserEntryRef[];
  /** A third party that does the customer's part (from an override). */
  performedBy?: string;
  /** No whoowns check exists for this customer part: only an attestation can answer it. */
  attestationOnly?: boolean;
  /** Something the resolution could not decide, e.g. a key id that is unknown in the template. */
  note?: string;
}

export interface ResourceResponsibility {
  resource: ResultResource;
  service: string;
  serviceName: string;
  category: ServiceCategory;
  /** Deployment variants detected from the resource (e.g. `ecs-fargate`). */
  variants: string[];
  /** False for resources of catalogued services whose type no check reads: not assessed by any check. */
  assessed: boolean;
  areas: AreaResponsibility[];
}

export interface Headline {
  owned: number;
  resources: number;
  verified: number;
  failing: number;
  unverified: number;
  attested: number;
  text: string;
}

/** What became of the user's whoowns.yaml entries. */
export interface UserConfigReport {
  file: string;
  applied: Array<{ kind: 'override' | 'attestation'; line: number; area: string; matched: number }>;
  expired: Array<{ kind: 'override' | 'attestation'; line: number; area: string; expires: string }>;
  /** Entries whose scope matched no resource of this map. */
  unmatched: Array<{ kind: 'override' | 'attestation'; line: number; area: string }>;
}

export interface ResponsibilityMap {
  resources: ResourceResponsibility[];
  /** Account-scoped areas (audit trail, training, incident response), answered once. */
  account: AreaResponsibility[];
  /** Resources no catalog service covers: no responsibilities are claimed for them. */
  notAssessed: Array<{ id: string; type: string }>;
  headline: Headline;
  /** Catalog gaps and evidence that does not fit the catalog, for whoever curates it. */
  warnings: string[];
  userConfig?: UserConfigReport;
}
