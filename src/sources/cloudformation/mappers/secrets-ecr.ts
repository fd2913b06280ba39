import type { EcrRepository, SecretsManagerSecret } from '../../../model/resources/index.js';
import { awsDefault } from '../../../model/value.js';
import type { ResourceReader } from '../resource-reader.js';
import { baseOf, readName, readPolicy, withBase } from './common.js';

export function mapSecretsManagerSecret(r: ResourceReader): SecretsManagerSecret {
  const secretName = readName(r, 'Name');
  return withBase<SecretsManagerSecret>(baseOf(r, secretName), {
    type: 'AWS::SecretsManager::Secret',
    secretName,
    kmsKeyId: r.string(['KmsKeyId'], null),
    // AWS::SecretsManager::ResourcePolicy resources are folded in later.
    policy: awsDefault(null, r.source()),
  });
}

export function mapEcrRepository(r: ResourceReader): EcrRepository {
  const repositoryName = readName(r, 'RepositoryName');
  return withBase<EcrRepository>(baseOf(r, repositoryName), {
    type: 'AWS::ECR::Repository',
    repositoryName,
    policy: readPolicy(r, ['RepositoryPolicyText']),
  });
}
