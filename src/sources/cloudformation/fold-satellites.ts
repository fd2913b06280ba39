import type { UnmodeledResource } from '../../model/inventory.js';
import type { InlinePolicy, Resource, ResourceOfType, ResourceType } from '../../model/resources/index.js';
import { explicit } from '../../model/value.js';
import { displayName, readPolicy, readRequiredPolicy } from './mappers/common.js';
import { readSecurityGroupRule } from './mappers/ec2.js';
import { resolve } from './intrinsics.js';
import { asString, logicalIdOfToken, ResourceReader } from './resource-reader.js';
import type { TemplateContext } from './template-context.js';

/** The property that names a resource of each type a satellite may point at by name. */
const NAME_PROPERTY: Partial<Record<ResourceType, string>> = {
  'AWS::S3::Bucket': 'BucketName',
  'AWS::IAM::Role': 'RoleName',
  'AWS::IAM::User': 'UserName',
  'AWS::IAM::Group': 'GroupName',
  'AWS::SNS::Topic': 'TopicName',
  'AWS::SQS::Queue': 'QueueName',
  'AWS::Lambda::Function': 'FunctionName',
  'AWS::SecretsManager::Secret': 'Name',
};

/** Finds the modeled resource a satellite points at: by `{{LogicalId}}` token, name or ARN. */
class TargetIndex {
  private readonly byId = new Map<string, Resource>();
  /**
   * Names as the template spells them, deploy-time parts included (`{{unresolved:AppName}}-logs`):
   * a policy whose Bucket is the same `!Sub` as a bucket's BucketName names that bucket.
   */
  private bySpelledName: Map<string, Resource> | undefined;
  constructor(
    private readonly ctx: TemplateContext,
    resources: readonly Resource[],
  ) {
    for (const r of resources) this.byId.set(r.id, r);
  }

  /** Built on the first satellite that names its parent by a string; most use a Ref. */
  private spelledNames(): Map<string, Resource> {
    if (this.bySpelledName) return this.bySpelledName;
    const index = new Map<string, Resource>();
    for (const r of this.byId.values()) {
      const property = NAME_PROPERTY[r.type];
      const properties = this.ctx.body.Resources[r.id]?.Properties as Record<string, unknown> | undefined;
      const raw = property ? properties?.[property] : undefined;
      const spelled = raw === undefined ? undefined : resolve(raw, this.ctx);
      if (typeof spelled === 'string' && !index.has(`${r.type} ${spelled}`))
        index.set(`${r.type} ${spelled}`, r);
    }
    this.bySpelledName = index;
    return index;
  }

  find<T extends ResourceType>(reference: unknown, type: T): ResourceOfType<T> | undefined {
    const logicalId = logicalIdOfToken(reference);
    if (logicalId) {
      const found = this.byId.get(logicalId);
      return found?.type === type ? (found as ResourceOfType<T>) : undefined;
    }
    if (typeof reference !== 'string') return undefined;
    const spelled = this.spelledNames().get(`${type} ${reference}`);
    if (spelled) return spelled as ResourceOfType<T>;
    const wanted = displayName(reference);
    for (const r of this.byId.values()) {
      if (
        r.type === type &&
        (r.name === wanted || wanted.endsWith(`:${r.name}`) || wanted.endsWith(`/${r.name}`))
      ) {
        return r as ResourceOfType<T>;
      }
    }
    return undefined;
  }
}

type Folder = (satellite: ResourceReader, index: TargetIndex) => boolean;

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

const FOLDERS: Record<string, Folder> = {
  'AWS::S3::BucketPolicy': (s, index) => {
    const bucket = index.find(s.get(['Bucket']), 'AWS::S3::Bucket');
    if (bucket) bucket.policy = readPolicy(s, ['PolicyDocument']);
    return bucket !== undefined;
  },
  'AWS::IAM::Policy': (s, index) => {
    const [policy] = readInlinePoliciesOf(s);
    let folded = false;
    for (const role of list(s.get(['Roles']))) {
      const target = index.find(role, 'AWS::IAM::Role');
      if (target && policy) target.inlinePolicies.push(policy);
      folded ||= target !== undefined;
    }
    for (const user of list(s.get(['Users']))) {
      const target = index.find(user, 'AWS::IAM::User');
      if (target && policy) target.inlinePolicies.push(policy);
      folded ||= target !== undefined;
    }
    for (const group of list(s.get(['Groups']))) {
      const target = index.find(group, 'AWS::IAM::Group');
      if (target && policy) target.inlinePolicies.push(policy);
      folded ||= target !== undefined;
    }
    return folded;
  },
  // The newer single-principal policy resources (2023) carry one inline policy each.
  'AWS::IAM::RolePolicy': (s, index) => {
    const role = index.find(s.get(['RoleName']), 'AWS::IAM::Role');
    role?.inlinePolicies.push(...readInlinePoliciesOf(s));
    return role !== undefined;
  },
  'AWS::IAM::UserPolicy': (s, index) => {
    const user = index.find(s.get(['UserName']), 'AWS::IAM::User');
    user?.inlinePolicies.push(...readInlinePoliciesOf(s));
    return user !== undefined;
  },
  'AWS::IAM::AccessKey': (s, index) => {
    const user = index.find(s.get(['UserName']), 'AWS::IAM::User');
    if (user?.accessKeys.known) {
      const status = s.get(['Status']);
      const keys = [...user.accessKeys.value, { id: s.logicalId, active: status !== 'Inactive' }];
      user.accessKeys = explicit(keys, s.source());
    }
    return user !== undefined;
  },
  'AWS::IAM::UserToGroupAddition': (s, index) => {
    let folded = false;
    for (const name of list(s.get(['Users']))) {
      const user = index.find(name, 'AWS::IAM::User');
      if (user) user.groups.push(s.required(['GroupName'], asString));
      folded ||= user !== undefined;
    }
    return folded;
  },
  'AWS::EC2::SecurityGroupIngress': (s, index) => {
    const group = index.find(s.get(['GroupId']) ?? s.get(['GroupName']), 'AWS::EC2::SecurityGroup');
    group?.rules.push(readSecurityGroupRule(s, [], 'ingress'));
    return group !== undefined;
  },
  'AWS::EC2::SecurityGroupEgress': (s, index) => {
    const group = index.find(s.get(['GroupId']), 'AWS::EC2::SecurityGroup');
    group?.rules.push(readSecurityGroupRule(s, [], 'egress'));
    return group !== undefined;
  },
  'AWS::EC2::VolumeAttachment': (s, index) => {
    const volume = index.find(s.get(['VolumeId']), 'AWS::EC2::Volume');
    const instance = index.find(s.get(['InstanceId']), 'AWS::EC2::Instance');
    if (volume && instance) {
      volume.attachedInstanceIds.push(instance.id);
      instance.volumes.push({
        device: volume.id,
        encrypted: volume.encrypted,
        kmsKeyId: volume.kmsKeyId,
        source: volume.source,
      });
    }
    return volume !== undefined;
  },
  'AWS::EC2::FlowLog': (s, index) => {
    let folded = false;
    for (const id of [...list(s.get(['ResourceId'])), ...list(s.get(['ResourceIds']))]) {
      const vpc = index.find(id, 'AWS::EC2::VPC');
      if (vpc) vpc.flowLogsEnabled = explicit(true, s.source());
      folded ||= vpc !== undefined;
    }
    return folded;
  },
  'AWS::Lambda::Permission': (s, index) => {
    const fn = index.find(s.get(['FunctionName']), 'AWS::Lambda::Function');
    fn?.permissions.push({
      action: s.required(['Action'], asString),
      principal: s.required(['Principal'], asString),
      sourceArn: s.string(['SourceArn'], null),
      sourceAccount: s.string(['SourceAccount'], null),
      principalOrgId: s.string(['PrincipalOrgID'], null),
      functionUrlAuthType: s.string(['FunctionUrlAuthType'], null),
      source: s.source(),
    });
    return fn !== undefined;
  },
  'AWS::Lambda::Url': (s, index) => {
    const fn = index.find(s.get(['TargetFunctionArn']), 'AWS::Lambda::Function');
    if (fn) {
      const auth = s.required(['AuthType'], asString);
      fn.functionUrlAuthType = auth.known
        ? { ...auth, value: auth.value === 'NONE' ? 'NONE' : 'AWS_IAM' }
        : auth;
    }
    return fn !== undefined;
  },
  'AWS::ElasticLoadBalancingV2::Listener': (s, index) => {
    const lb = index.find(s.get(['LoadBalancerArn']), 'AWS::ElasticLoadBalancingV2::LoadBalancer');
    const actions = s.get(['DefaultActions']);
    const redirects = Array.isArray(actions)
      ? actions.some((a) => {
          const action = a as { Type?: unknown; RedirectConfig?: { Protocol?: unknown } };
          return action?.Type === 'redirect' && action.RedirectConfig?.Protocol === 'HTTPS';
        })
      : false;
    lb?.listeners.push({
      id: s.logicalId,
      protocol: s.required(['Protocol'], asString),
      port: s.required(['Port'], (v) => (Number.isFinite(Number(v)) ? Number(v) : undefined)),
      sslPolicy: s.string(['SslPolicy'], null),
      redirectsToHttps: explicit(redirects, s.source(['DefaultActions'])),
      source: s.source(),
    });
    return lb !== undefined;
  },
  'AWS::SNS::TopicPolicy': (s, index) => {
    let folded = false;
    for (const topicRef of list(s.get(['Topics']))) {
      const topic = index.find(topicRef, 'AWS::SNS::Topic');
      if (topic) topic.policy = readPolicy(s, ['PolicyDocument']);
      folded ||= topic !== undefined;
    }
    return folded;
  },
  'AWS::SNS::Subscription': (s, index) => {
    const topic = index.find(s.get(['TopicArn']), 'AWS::SNS::Topic');
    const protocol = s.get(['Protocol']);
    if (topic?.subscriptionProtocols.known && typeof protocol === 'string') {
      topic.subscriptionProtocols = explicit([...topic.subscriptionProtocols.value, protocol], s.source());
    }
    return topic !== undefined;
  },
  'AWS::SecretsManager::ResourcePolicy': (s, index) => {
    const secret = index.find(s.get(['SecretId']), 'AWS::SecretsManager::Secret');
    if (secret) secret.policy = readPolicy(s, ['ResourcePolicy']);
    return secret !== undefined;
  },
  'AWS::SQS::QueuePolicy': (s, index) => {
    let folded = false;
    for (const queueRef of list(s.get(['Queues']))) {
      const queue = index.find(queueRef, 'AWS::SQS::Queue');
      if (queue) queue.policy = readPolicy(s, ['PolicyDocument']);
      folded ||= queue !== undefined;
    }
    return folded;
  },
};

/** AWS::IAM::Policy carries one document under PolicyName/PolicyDocument, not a Policies list. */
function readInlinePoliciesOf(s: ResourceReader): InlinePolicy[] {
  const name = s.get(['PolicyName']);
  return [
    {
      name: typeof name === 'string' ? name : s.logicalId,
      document: readRequiredPolicy(s, ['PolicyDocument']),
      source: s.source(),
      via: s.logicalId,
    },
  ];
}

export const SATELLITE_TYPES = new Set(Object.keys(FOLDERS));

/**
 * Folds satellite resources into their parents. A satellite whose parent is not in the template
 * (an existing bucket, say) is returned so the report can list it as not assessed.
 */
export function foldSatellites(
  ctx: TemplateContext,
  satellites: ReadonlyArray<{ logicalId: string; type: string }>,
  resources: readonly Resource[],
): UnmodeledResource[] {
  const index = new TargetIndex(ctx, resources);
  const orphans: UnmodeledResource[] = [];
  for (const { logicalId, type } of satellites) {
    const reader = new ResourceReader(ctx, logicalId, type);
    const folder = FOLDERS[type];
    if (folder && !folder(reader, index)) orphans.push({ id: logicalId, type, source: reader.source() });
  }
  return orphans;
}
