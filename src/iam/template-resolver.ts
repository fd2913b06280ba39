/**
 * Spells out template tokens where the template allows: `{{DataBucket.Arn}}` becomes
 * `arn:aws:s3:::my-bucket` when the bucket is named, or `arn:aws:s3:::{{DataBucket}}` when
 * CloudFormation will generate the name, so a policy on `arn:aws:s3:::*` is known to cover it
 * while one on `arn:aws:s3:::other-bucket` is known not to.
 */
import type { Inventory } from '../model/inventory.js';
import type { Resource } from '../model/resources/index.js';
import type { Value } from '../model/value.js';
import { expandTokens, type TokenResolver } from './tokens.js';

interface Shape {
  /** The token whose value is the resource's name when CloudFormation generates it. */
  nameAtom: (id: string) => string;
  name?: (r: Resource) => Value<string> | undefined;
  /** Attribute (or '' for Ref) → template with {name}, {region}, {account}. */
  attributes: Record<string, string>;
}

const nameOf =
  <K extends string>(key: K) =>
  (r: Resource) =>
    (r as unknown as Record<K, Value<string> | undefined>)[key];
const ref = (id: string) => `{{${id}}}`;

const SHAPES: Partial<Record<Resource['type'], Shape>> = {
  'AWS::S3::Bucket': {
    nameAtom: ref,
    name: nameOf('bucketName'),
    attributes: { '': '{name}', Arn: 'arn:aws:s3:::{name}' },
  },
  'AWS::IAM::Role': {
    nameAtom: ref,
    name: nameOf('roleName'),
    attributes: { '': '{name}', Arn: 'arn:aws:iam::{account}:role/{name}' },
  },
  'AWS::IAM::User': {
    nameAtom: ref,
    name: nameOf('userName'),
    attributes: { '': '{name}', Arn: 'arn:aws:iam::{account}:user/{name}' },
  },
  'AWS::IAM::Group': {
    nameAtom: ref,
    name: nameOf('groupName'),
    attributes: { '': '{name}', Arn: 'arn:aws:iam::{account}:group/{name}' },
  },
  'AWS::IAM::ManagedPolicy': {
    nameAtom: (id) => `{{${id}.PolicyName}}`,
    name: nameOf('policyName'),
    attributes: {
      '': 'arn:aws:iam::{account}:policy/{name}',
      PolicyArn: 'arn:aws:iam::{account}:policy/{name}',
    },
  },
  'AWS::Lambda::Function': {
    nameAtom: ref,
    attributes: { '': '{name}', Arn: 'arn:aws:lambda:{region}:{account}:function:{name}' },
  },
  'AWS::DynamoDB::Table': {
    nameAtom: ref,
    name: nameOf('tableName'),
    attributes: { '': '{name}', Arn: 'arn:aws:dynamodb:{region}:{account}:table/{name}' },
  },
  'AWS::KMS::Key': {
    nameAtom: ref,
    attributes: { '': '{name}', KeyId: '{name}', Arn: 'arn:aws:kms:{region}:{account}:key/{name}' },
  },
  'AWS::SNS::Topic': {
    nameAtom: (id) => `{{${id}.TopicName}}`,
    name: nameOf('topicName'),
    attributes: {
      '': 'arn:aws:sns:{region}:{account}:{name}',
      TopicArn: 'arn:aws:sns:{region}:{account}:{name}',
      TopicName: '{name}',
    },
  },
  'AWS::SQS::Queue': {
    nameAtom: (id) => `{{${id}.QueueName}}`,
    name: nameOf('queueName'),
    attributes: {
      '': 'https://sqs.{region}.amazonaws.com/{account}/{name}',
      QueueUrl: 'https://sqs.{region}.amazonaws.com/{account}/{name}',
      Arn: 'arn:aws:sqs:{region}:{account}:{name}',
      QueueName: '{name}',
    },
  },
  'AWS::SecretsManager::Secret': {
    nameAtom: (id) => `{{${id}.Name}}`,
    name: nameOf('secretName'),
    // Secrets Manager appends six random characters to every secret's ARN.
    attributes: {
      '': 'arn:aws:secretsmanager:{region}:{account}:secret:{name}-{suffix}',
      Id: 'arn:aws:secretsmanager:{region}:{account}:secret:{name}-{suffix}',
    },
  },
  'AWS::ECR::Repository': {
    nameAtom: ref,
    name: nameOf('repositoryName'),
    attributes: { '': '{name}', Arn: 'arn:aws:ecr:{region}:{account}:repository/{name}' },
  },
};

const places = new WeakMap<Inventory, { account: string; region: string }>();

/** Read once per inventory: checks ask for every principal and resource. */
function placeOf(inventory: Inventory): { account: string; region: string } {
  let place = places.get(inventory);
  if (!place) {
    place = {
      account:
        inventory.source.account ??
        inventory.resources.find((r) => r.account)?.account ??
        '{{AWS::AccountId}}',
      region:
        inventory.source.regions?.[0] ??
        inventory.resources.find((r) => r.region)?.region ??
        '{{AWS::Region}}',
    };
    places.set(inventory, place);
  }
  return place;
}

/** The account id the inventory belongs to, or the template's own-account token. */
export function inventoryAccount(inventory: Inventory): string {
  return placeOf(inventory).account;
}

export function inventoryRegion(inventory: Inventory): string {
  return placeOf(inventory).region;
}

function explicitName(r: Resource, shape: Shape): string | undefined {
  const v = shape.name?.(r);
  if (v) return v.known && v.origin === 'explicit' ? v.value : undefined;
  // Lambda keeps no name field: a name other than the logical id was given explicitly.
  if (r.name !== r.id) return r.name.includes('${') ? `{{unresolved:name of ${r.id}}}` : r.name;
  return undefined;
}

/**
 * `{{LogicalId}}` or `{{LogicalId.Attribute}}` (no `:`, so not a pseudo parameter or an
 * unresolved value). Read without a regular expression: every ARN of a template passes here.
 */
function parseRefToken(token: string): { id: string; attribute: string } | undefined {
  if (!token.startsWith('{{') || !token.endsWith('}}') || token.length <= 4) return undefined;
  const inner = token.slice(2, -2);
  if (inner.includes('{') || inner.includes('}')) return undefined;
  const dot = inner.indexOf('.');
  const id = dot < 0 ? inner : inner.slice(0, dot);
  if (id === '' || id.includes(':') || dot === inner.length - 1) return undefined;
  return { id, attribute: dot < 0 ? '' : inner.slice(dot + 1) };
}

type TemplateVariable = 'name' | 'region' | 'account' | 'suffix';
const templateParts = new Map<string, Array<string | { variable: TemplateVariable }>>();

/** Fills `arn:aws:s3:::{name}`-style templates; each template is split once. */
function fillTemplate(template: string, values: Record<TemplateVariable, string>): string {
  let parts = templateParts.get(template);
  if (!parts) {
    parts = template
      .split(/(\{(?:name|region|account|suffix)\})/)
      .filter((p) => p !== '')
      .map((p) => (/^\{\w+\}$/.test(p) ? { variable: p.slice(1, -1) as TemplateVariable } : p));
    templateParts.set(template, parts);
  }
  let out = '';
  for (const part of parts) out += typeof part === 'string' ? part : values[part.variable];
  return out;
}

const resolvers = new WeakMap<Inventory, TokenResolver | undefined>();

/** The resolver for a template inventory; undefined for live ones, whose strings hold no tokens. */
export function resolverFor(inventory: Inventory): TokenResolver | undefined {
  if (resolvers.has(inventory)) return resolvers.get(inventory);
  let resolver: TokenResolver | undefined;
  if (inventory.source.kind === 'cloudformation') {
    const account = inventoryAccount(inventory);
    const region = inventoryRegion(inventory);
    const byId = new Map(inventory.resources.map((r) => [r.id, r]));
    resolver = (token) => {
      const ref = parseRefToken(token);
      if (!ref) {
        if (token === '{{AWS::AccountId}}' && account !== token) return account;
        if (token === '{{AWS::Region}}' && region !== token) return region;
        return undefined;
      }
      const r = byId.get(ref.id);
      const shape = r && SHAPES[r.type];
      const template = shape?.attributes[ref.attribute];
      if (!r || !shape || template === undefined) return undefined;
      const name = explicitName(r, shape) ?? shape.nameAtom(r.id);
      if (template === '{name}' && name === token) return undefined;
      return fillTemplate(template, { name, region, account, suffix: `{{${r.id}.ArnSuffix}}` });
    };
  }
  resolvers.set(inventory, resolver);
  return resolver;
}

/** The attribute that gives a resource's ARN in CloudFormation (Ref for topics, secrets, managed policies). */
const ARN_ATTRIBUTE: Partial<Record<Resource['type'], string>> = {
  'AWS::SNS::Topic': '',
  'AWS::SecretsManager::Secret': '',
  'AWS::IAM::ManagedPolicy': '',
};

/** Template spellings of ARNs, per inventory: several analyses ask for the same resource's. */
const templateArns = new WeakMap<Inventory, Map<Resource, string>>();

/** A resource's ARN: the real one on a live account, the template's spelling of it otherwise. */
export function resourceArn(inventory: Inventory, r: Resource): string {
  if (r.arn) return r.arn;
  let arns = templateArns.get(inventory);
  if (!arns) {
    arns = new Map();
    templateArns.set(inventory, arns);
  }
  let arn = arns.get(r);
  if (arn === undefined) {
    const attribute = ARN_ATTRIBUTE[r.type] ?? 'Arn';
    const token = attribute ? `{{${r.id}.${attribute}}}` : `{{${r.id}}}`;
    arn = expandTokens(token, resolverFor(inventory));
    arns.set(r, arn);
  }
  return arn;
}
