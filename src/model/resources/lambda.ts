import type { PolicyDocument } from '../policy.js';
import type { SourceRef, Value } from '../value.js';
import type { ResourceBase } from './base.js';

/** One statement of a function's resource policy (from AWS::Lambda::Permission or GetPolicy). */
export interface LambdaPermission {
  action: Value<string>;
  principal: Value<string>;
  sourceArn: Value<string | null>;
  sourceAccount: Value<string | null>;
  principalOrgId: Value<string | null>;
  functionUrlAuthType: Value<string | null>;
  source: SourceRef;
}

export interface LambdaFunction extends ResourceBase {
  readonly type: 'AWS::Lambda::Function';
  packageType: Value<'Zip' | 'Image'>;
  /** null for container images, which bring their own runtime. */
  runtime: Value<string | null>;
  runtimeUpdateMode: Value<'Auto' | 'FunctionUpdate' | 'Manual'>;
  role: Value<string>;
  inVpc: Value<boolean>;
  /** Names of environment variables only; values can hold secrets and are never kept. */
  environmentVariableNames: Value<string[]>;
  kmsKeyArn: Value<string | null>;
  tracingMode: Value<'Active' | 'PassThrough'>;
  deadLetterTarget: Value<string | null>;
  reservedConcurrency: Value<number | null>;
  permissions: LambdaPermission[];
  /**
   * The function's whole resource policy when a source can read it as a document (GetPolicy on a
   * live account); templates give `permissions` instead. Absent: not read.
   */
  policy?: Value<PolicyDocument | null>;
  /** null: no function URL. */
  functionUrlAuthType: Value<'NONE' | 'AWS_IAM' | null>;
}
