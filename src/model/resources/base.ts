import type { SourceRef } from '../value.js';

/** What every modeled resource has, whatever source filled it. */
export interface ResourceBase {
  /** Stable within one inventory: the logical id for a template, the ARN (or id) for a live account. */
  readonly id: string;
  /** Human name: bucket name, role name, or the logical id when the name is generated. */
  readonly name: string;
  readonly arn?: string;
  readonly region?: string;
  readonly account?: string;
  readonly source: SourceRef;
  readonly tags?: Readonly<Record<string, string>>;
}
