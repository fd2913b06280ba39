import { ECRClient, GetRepositoryPolicyCommand, paginateDescribeRepositories } from '@aws-sdk/client-ecr';
import {
  GetResourcePolicyCommand,
  paginateListSecrets,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import pLimit from 'p-limit';
import { parsePolicyDocument } from '../../../model/parse-policy.js';
import type { PolicyDocument } from '../../../model/policy.js';
import { explicit, type SourceRef, type Value } from '../../../model/value.js';
import type { CollectContext, Collector } from '../collector.js';
import {
  attempt,
  collectPages,
  errorName,
  fromOutcome,
  notCollected,
  PER_RESOURCE_CONCURRENCY,
} from './support.js';

/** Neither service has a batch call for resource policies: one call per secret or repository. */
async function policyOf(
  ctx: CollectContext,
  operation: string,
  arn: string,
  read: () => Promise<string | undefined>,
  absentCodes: readonly string[],
): Promise<Value<PolicyDocument | null>> {
  const src: SourceRef = { arn, api: operation };
  const outcome = await attempt(ctx, operation, arn, async () => {
    try {
      const text = await read();
      return text ? parsePolicyDocument(text) : null;
    } catch (error) {
      // "No policy" comes back as an error code on ECR: a fact, not a failure.
      if (absentCodes.includes(errorName(error))) return null;
      throw error;
    }
  });
  return fromOutcome(outcome, src, (doc) => doc);
}

export const secretsManagerCollector: Collector = {
  id: 'secretsmanager',
  scope: 'regional',
  produces: ['AWS::SecretsManager::Secret'],
  operations: {
    'secretsmanager:ListSecrets': { fields: [] },
    'secretsmanager:GetResourcePolicy': { fields: ['policy'] },
  },
  async collect(ctx) {
    // ListSecrets returns metadata only; secret values are never read (GetSecretValue is refused).
    const client = ctx.session.client(SecretsManagerClient, ctx.region);
    const secrets = await collectPages(paginateListSecrets({ client }, {}), (p) => p.SecretList);
    const limit = pLimit(PER_RESOURCE_CONCURRENCY);
    await Promise.all(
      secrets.map((s) =>
        limit(async () => {
          const arn = s.ARN ?? '';
          const src: SourceRef = { arn, api: 'secretsmanager:ListSecrets' };
          ctx.builder.add({
            type: 'AWS::SecretsManager::Secret',
            id: arn,
            arn,
            name: s.Name ?? arn,
            region: ctx.region,
            account: ctx.accountId,
            source: src,
            secretName: explicit(s.Name ?? '', src),
            kmsKeyId: explicit(s.KmsKeyId ?? null, src),
            policy: ctx.wants('AWS::SecretsManager::Secret', 'policy')
              ? await policyOf(
                  ctx,
                  'secretsmanager:GetResourcePolicy',
                  arn,
                  async () =>
                    (await client.send(new GetResourcePolicyCommand({ SecretId: arn }))).ResourcePolicy,
                  [],
                )
              : notCollected(src),
          });
        }),
      ),
    );
  },
};

export const ecrCollector: Collector = {
  id: 'ecr',
  scope: 'regional',
  produces: ['AWS::ECR::Repository'],
  operations: {
    'ecr:DescribeRepositories': { fields: [] },
    'ecr:GetRepositoryPolicy': { fields: ['policy'] },
  },
  async collect(ctx) {
    const client = ctx.session.client(ECRClient, ctx.region);
    const repositories = await collectPages(
      paginateDescribeRepositories({ client }, {}),
      (p) => p.repositories,
    );
    const limit = pLimit(PER_RESOURCE_CONCURRENCY);
    await Promise.all(
      repositories.map((r) =>
        limit(async () => {
          const arn = r.repositoryArn ?? '';
          const src: SourceRef = { arn, api: 'ecr:DescribeRepositories' };
          ctx.builder.add({
            type: 'AWS::ECR::Repository',
            id: arn,
            arn,
            name: r.repositoryName ?? arn,
            region: ctx.region,
            account: ctx.accountId,
            source: src,
            repositoryName: explicit(r.repositoryName ?? '', src),
            policy: ctx.wants('AWS::ECR::Repository', 'policy')
              ? await policyOf(
                  ctx,
                  'ecr:GetRepositoryPolicy',
                  arn,
                  async () =>
                    (await client.send(new GetRepositoryPolicyCommand({ repositoryName: r.repositoryName })))
                      .policyText,
                  ['RepositoryPolicyNotFoundException'],
                )
              : notCollected(src),
          });
        }),
      ),
    );
  },
};
