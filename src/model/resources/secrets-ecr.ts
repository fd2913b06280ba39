import type { PolicyDocument } from '../policy.js';
import type { Value } from '../value.js';
import type { ResourceBase } from './base.js';

/** Only what access analysis needs so far: who the resource policy lets in. */
export interface SecretsManagerSecret extends ResourceBase {
  readonly type: 'AWS::SecretsManager::Secret';
  secretName: Value<string>;
  /** null: encrypted with the AWS managed key aws/secretsmanager. */
  kmsKeyId: Value<string | null>;
  /** null: no resource policy (AWS::SecretsManager::ResourcePolicy or GetResourcePolicy). */
  policy: Value<PolicyDocument | null>;
}

export interface EcrRepository extends ResourceBase {
  readonly type: 'AWS::ECR::Repository';
  repositoryName: Value<string>;
  /** null: no repository policy (RepositoryPolicyText or GetRepositoryPolicy). */
  policy: Value<PolicyDocument | null>;
}
