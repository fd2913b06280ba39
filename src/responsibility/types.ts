/** The shape of the who-owns-what map, shared by its builder, reports and exports. */
import type { AreaGroup, CustomerAction, Owner, ServiceCategory } from '../catalog/schema.js';
import type { ResultResource } from '../model/result.js';

export type AreaStatus = 'verified' | 'failing' | 'unverified';

/** One layer of the resolution: category default → service override → resource fact (or the account block). */
export interface TrailStep {
  layer: 'category' | 'service' | 'resource-fact' | 'account';
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

export interface AreaResponsibility {
  area: string;
  title: string;
  group: AreaGroup;
  owner: Owner;
  providerPart?: string;
  customerPart?: string;
  customerAction?: CustomerAction;
  defaultSatisfied?: boolean;
  /** Why the area does not apply (owner n/a). */
  reason?: string;
  trail: TrailStep[];
  /** Only where the customer has a part (owner customer or shared). */
  status?: AreaStatus;
  evidence: AreaEvidence;
  /** Something the resolution could not decide, e.g. a key id that is unknown in the template. */
  note?: string;
}

export interface ResourceResponsibility {
  resource: ResultResource;
  service: string;
  category: ServiceCategory;
  areas: AreaResponsibility[];
}

export interface Headline {
  owned: number;
  resources: number;
  verified: number;
  failing: number;
  unverified: number;
  text: string;
}

export interface ResponsibilityMap {
  resources: ResourceResponsibility[];
  /** Account-scoped areas (audit trail, training, incident response), answered once. */
  account: AreaResponsibility[];
  /** Resources the model does not cover: no responsibilities are claimed for them. */
  notAssessed: Array<{ id: string; type: string }>;
  headline: Headline;
  /** Catalog gaps and evidence that does not fit the catalog, for whoever curates it. */
  warnings: string[];
}
