import type { CollectionNeeds } from '../../model/needs.js';
import type { ResourceType } from '../../model/resources/index.js';
import type { AwsSession } from './aws-session.js';
import type { InventoryBuilder } from './inventory-builder.js';

/** What the selected checks read; collectors skip API calls whose fields nobody reads. */
export type Needs = CollectionNeeds;

export interface CollectContext {
  session: AwsSession;
  accountId: string;
  partition: string;
  /** The region this run covers; global collectors get the home region. */
  region: string;
  /** Every region being scanned. */
  regions: readonly string[];
  builder: InventoryBuilder;
  needs: Needs;
  /** Whether any selected check reads `field` of `type` (or the type at all, without a field). */
  wants(type: ResourceType, field?: string): boolean;
}

export interface OperationSpec {
  fields: readonly string[];
  /** IAM actions when they differ from the operation name (s3:GetBucketEncryption → s3:GetEncryptionConfiguration). */
  iam?: readonly string[];
}

export interface Collector {
  /** Stable name used in progress output and errors, e.g. `s3`. */
  id: string;
  /** Global services (IAM, S3 bucket listing, Organizations) run once; regional ones per region. */
  scope: 'global' | 'regional';
  /** Resource types (or `AWS::Account`) this collector fills. */
  produces: readonly ResourceType[];
  /**
   * Every API operation the collector may send (`service:Operation`, as the SDK names it), with
   * the model fields it serves and, where IAM names the permission differently, the IAM actions
   * it needs. `whoowns permissions` and the tests read this.
   */
  operations: Readonly<Record<string, OperationSpec>>;
  collect(ctx: CollectContext): Promise<void>;
}
