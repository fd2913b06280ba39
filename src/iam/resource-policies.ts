/**
 * The resource policy of each resource type that has one, as one PolicyDocument: bucket, key,
 * queue and topic policies, secret and repository policies, role trust policies, and Lambda
 * function policies (rebuilt from AWS::Lambda::Permission resources on templates).
 */
import type { Inventory } from '../model/inventory.js';
import type { ConditionBlock, PolicyDocument, PolicyStatement, Principal } from '../model/policy.js';
import type { LambdaFunction, LambdaPermission, Resource } from '../model/resources/index.js';
import { explicit, type Value } from '../model/value.js';
import { inventoryAccount, resourceArn } from './template-resolver.js';

export interface ResourcePolicyInfo {
  resource: Resource;
  /** The IAM service prefix whose actions the policy governs (`sts` for trust policies). */
  service: string;
  label: string;
  arn: string;
  account: string;
  policy: Value<PolicyDocument | null>;
  /** The policy must itself let a caller in, even from the same account (KMS keys, role trust). */
  required: boolean;
  /** Condition keys the resource itself sets, such as a function URL's auth type. */
  facts: Record<string, string | { state: 'absent' | 'unknown' }>;
}

const unresolved = (v: Value<string | null>, what: string): string | null =>
  v.known ? v.value : `{{unresolved:${what}: ${v.reason}}}`;

function lambdaPrincipal(value: string): Principal {
  if (value === '*') return '*';
  if (/^\d{12}$/.test(value) || value.startsWith('arn:') || value.startsWith('{{')) return { AWS: [value] };
  return { Service: [value] };
}

function permissionStatement(p: LambdaPermission, arn: string, index: number): PolicyStatement {
  const condition: ConditionBlock = {};
  const add = (op: string, key: string, v: Value<string | null>) => {
    const value = unresolved(v, key);
    if (value !== null) condition[op] = { ...(condition[op] ?? {}), [key]: [value] };
  };
  add('ArnLike', 'aws:SourceArn', p.sourceArn);
  add('StringEquals', 'aws:SourceAccount', p.sourceAccount);
  add('StringEquals', 'aws:PrincipalOrgID', p.principalOrgId);
  add('StringEquals', 'lambda:FunctionUrlAuthType', p.functionUrlAuthType);
  return {
    effect: 'Allow',
    index,
    principal: lambdaPrincipal(unresolved(p.principal, 'principal') ?? '*'),
    action: [unresolved(p.action, 'action') ?? 'lambda:InvokeFunction'],
    resource: [arn],
    ...(Object.keys(condition).length ? { condition } : {}),
  };
}

const lambdaDocs = new WeakMap<LambdaFunction, Value<PolicyDocument | null>>();

/** A live source may give the whole document; a template gives one Permission resource per statement. */
function lambdaPolicy(fn: LambdaFunction, arnOf: () => string): Value<PolicyDocument | null> {
  if (fn.policy) return fn.policy;
  let doc = lambdaDocs.get(fn);
  if (!doc) {
    const statements = fn.permissions.map((p, i) => permissionStatement(p, arnOf(), i));
    doc = explicit(statements.length ? { version: '2012-10-17', statements, problems: [] } : null, fn.source);
    lambdaDocs.set(fn, doc);
  }
  return doc;
}

export function resourcePolicyOf(inventory: Inventory, r: Resource): ResourcePolicyInfo | undefined {
  const account = r.account ?? inventoryAccount(inventory);
  // Most resources of a template have no policy, and their analysis never needs the ARN.
  const info = (
    service: string,
    label: string,
    policy: Value<PolicyDocument | null>,
    required = false,
    facts: ResourcePolicyInfo['facts'] = {},
  ): ResourcePolicyInfo => ({
    resource: r,
    service,
    label,
    get arn() {
      return resourceArn(inventory, r);
    },
    account,
    policy,
    required,
    facts,
  });
  switch (r.type) {
    case 'AWS::S3::Bucket':
      return info('s3', 'bucket policy', r.policy);
    case 'AWS::KMS::Key':
      return info('kms', 'key policy', r.keyPolicy, true);
    case 'AWS::SQS::Queue':
      return info('sqs', 'queue policy', r.policy);
    case 'AWS::SNS::Topic':
      return info('sns', 'topic policy', r.policy);
    case 'AWS::Lambda::Function':
      return info(
        'lambda',
        'function policy',
        lambdaPolicy(r, () => resourceArn(inventory, r)),
        false,
        {
          // The function URL's auth type is the function's setting, not the caller's choice.
          'lambda:FunctionUrlAuthType': !r.functionUrlAuthType.known
            ? { state: 'unknown' }
            : (r.functionUrlAuthType.value ?? { state: 'absent' }),
        },
      );
    case 'AWS::SecretsManager::Secret':
      return info('secretsmanager', 'secret policy', r.policy);
    case 'AWS::ECR::Repository':
      return info('ecr', 'repository policy', r.policy);
    case 'AWS::IAM::Role':
      return info('sts', 'trust policy', r.assumeRolePolicy, true);
    default:
      return undefined;
  }
}

/** Object-level S3 actions act on `bucket/key`, not on the bucket itself. */
export function requestResource(
  info: ResourcePolicyInfo,
  resourceTypes: ReadonlyArray<{ name: string }>,
): string {
  if (info.service === 's3' && resourceTypes.some((t) => t.name === 'object'))
    return `${info.arn}/whoowns-any-object`;
  return info.arn;
}
