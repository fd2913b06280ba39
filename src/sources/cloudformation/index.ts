import { readFile, stat } from 'node:fs/promises';
import type { Inventory, SourceProblem, UnmodeledResource } from '../../model/inventory.js';
import type { Resource } from '../../model/resources/index.js';
import { unknown } from '../../model/value.js';
import { foldSatellites, SATELLITE_TYPES } from './fold-satellites.js';
import { TemplateTooComplexError } from './intrinsics.js';
import { tokenizeUnresolved } from './mappers/common.js';
import { mapDynamoDbTable, mapKmsKey, mapSnsTopic, mapSqsQueue } from './mappers/data-stores.js';
import { mapEbsVolume, mapEc2Instance, mapSecurityGroup, mapVpc } from './mappers/ec2.js';
import { mapIamGroup, mapIamManagedPolicy, mapIamRole, mapIamUser } from './mappers/iam.js';
import { mapLambdaFunction } from './mappers/lambda.js';
import { mapCloudTrailTrail, mapLoadBalancer } from './mappers/logging-network.js';
import { mapRdsDbInstance } from './mappers/rds.js';
import { mapS3Bucket } from './mappers/s3.js';
import { mapEcrRepository, mapSecretsManagerSecret } from './mappers/secrets-ecr.js';
import { parseTemplate, TemplateParseError } from './parse-template.js';
import { hasUnresolved, ResourceReader } from './resource-reader.js';
import {
  createdWhen,
  createTemplateContext,
  type TemplateBody,
  type TemplateOptions,
} from './template-context.js';

export { TemplateParseError } from './parse-template.js';
export type { TemplateOptions } from './template-context.js';

/** CloudFormation accepts 1 MB templates from S3; 20 MB leaves room for generated ones. */
export const MAX_TEMPLATE_BYTES = 20 * 1024 * 1024;

const MAPPERS: Record<string, (r: ResourceReader) => Resource> = {
  'AWS::S3::Bucket': mapS3Bucket,
  'AWS::IAM::Role': mapIamRole,
  'AWS::IAM::User': mapIamUser,
  'AWS::IAM::ManagedPolicy': mapIamManagedPolicy,
  'AWS::IAM::Group': mapIamGroup,
  'AWS::EC2::Instance': mapEc2Instance,
  'AWS::EC2::SecurityGroup': mapSecurityGroup,
  'AWS::EC2::VPC': mapVpc,
  'AWS::EC2::Volume': mapEbsVolume,
  'AWS::RDS::DBInstance': mapRdsDbInstance,
  'AWS::Lambda::Function': mapLambdaFunction,
  'AWS::DynamoDB::Table': mapDynamoDbTable,
  'AWS::KMS::Key': mapKmsKey,
  'AWS::CloudTrail::Trail': mapCloudTrailTrail,
  'AWS::ElasticLoadBalancingV2::LoadBalancer': mapLoadBalancer,
  'AWS::SNS::Topic': mapSnsTopic,
  'AWS::SQS::Queue': mapSqsQueue,
  'AWS::SecretsManager::Secret': mapSecretsManagerSecret,
  'AWS::ECR::Repository': mapEcrRepository,
};

/** The few properties the catalog reads to pick a variant; unresolved ones become unknown Values. */
function variantProperties(
  ctx: ReturnType<typeof createTemplateContext>,
  logicalId: string,
  type: string,
  options: TemplateOptions,
): { properties?: Record<string, unknown> } {
  const names = options.variantProperties?.get(type);
  if (!names) return {};
  const reader = new ResourceReader(ctx, logicalId, type);
  const properties: Record<string, unknown> = {};
  for (const name of names) {
    const value = reader.get([name]);
    if (value === undefined) continue;
    const unresolved = hasUnresolved(value);
    properties[name] = unresolved
      ? unknown(`${name} ${unresolved.reason}`, reader.source([name]))
      : tokenizeUnresolved(value);
  }
  return { properties };
}

function describeUntyped(logicalId: string, type: unknown): string {
  if (logicalId.startsWith('Fn::ForEach::')) return 'Fn::ForEach loop (expanded at deploy time)';
  const tag = type && typeof type === 'object' ? Object.keys(type)[0] : undefined;
  return tag ? `${tag} (expanded by a tool before deployment)` : '(no Type)';
}

function assertTemplate(body: unknown, file: string): asserts body is TemplateBody {
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw new TemplateParseError(file, 'not a CloudFormation template: the file is not a YAML/JSON object');
  }
  const resources = (body as { Resources?: unknown }).Resources;
  if (!resources || typeof resources !== 'object' || Array.isArray(resources)) {
    throw new TemplateParseError(file, 'not a CloudFormation template: it has no Resources section');
  }
}

/** Builds the inventory of one template's text. Bad resources become problems, not exceptions. */
export function loadTemplateText(text: string, file: string, options: TemplateOptions = {}): Inventory {
  const { body, lines } = parseTemplate(text, file);
  assertTemplate(body, file);
  const ctx = createTemplateContext(file, body, lines, options);
  const resources: Resource[] = [];
  const unmodeled: UnmodeledResource[] = [];
  const notCreated: UnmodeledResource[] = [];
  const problems: SourceProblem[] = [];
  const satellites: Array<{ logicalId: string; type: string }> = [];
  for (const [logicalId, declaration] of Object.entries(body.Resources)) {
    const source = ctx.sourceOf(logicalId);
    const type = declaration && typeof declaration === 'object' ? declaration.Type : undefined;
    if (typeof type !== 'string') {
      // Fn::ForEach loops and Rain modules are expanded by tools before CloudFormation sees them.
      unmodeled.push({ id: logicalId, type: describeUntyped(logicalId, type), source });
      continue;
    }
    if (createdWhen(ctx, declaration) === false) {
      notCreated.push({ id: logicalId, type, source });
      continue;
    }
    try {
      const mapper = MAPPERS[type];
      if (mapper) resources.push(mapper(new ResourceReader(ctx, logicalId, type)));
      else if (SATELLITE_TYPES.has(type)) satellites.push({ logicalId, type });
      else
        unmodeled.push({ id: logicalId, type, source, ...variantProperties(ctx, logicalId, type, options) });
    } catch (error) {
      if (error instanceof TemplateTooComplexError) throw new TemplateParseError(file, error.message);
      const reason = error instanceof Error ? error.message : String(error);
      problems.push({
        where: `${file}:${source.line ?? '?'}`,
        resourceId: logicalId,
        message: `resource ${logicalId} (${type}) could not be read: ${reason}`,
      });
    }
  }
  try {
    unmodeled.push(...foldSatellites(ctx, satellites, resources));
  } catch (error) {
    if (error instanceof TemplateTooComplexError) throw new TemplateParseError(file, error.message);
    throw error;
  }
  if (body.Transform !== undefined) {
    problems.push({
      where: file,
      message: `the template uses Transform ${JSON.stringify(body.Transform)}; resources a transform generates are not assessed`,
    });
  }
  return {
    source: {
      kind: 'cloudformation',
      location: file,
      ...(options.region ? { regions: [options.region] } : {}),
    },
    resources,
    unmodeled,
    notCreated,
    problems,
  };
}

/** Reads and loads a template file, refusing files too large to be a template. */
export async function loadTemplateFile(file: string, options: TemplateOptions = {}): Promise<Inventory> {
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new TemplateParseError(
      file,
      code === 'ENOENT' ? 'file not found' : `cannot read the file (${code ?? 'error'})`,
    );
  }
  if (size > MAX_TEMPLATE_BYTES) {
    const mb = (size / 1024 / 1024).toFixed(1);
    throw new TemplateParseError(
      file,
      `file is ${mb} MB; whoowns reads templates up to ${MAX_TEMPLATE_BYTES / 1024 / 1024} MB (CloudFormation itself accepts 1 MB)`,
    );
  }
  const text = await readFile(file, 'utf8');
  return loadTemplateText(text, file, options);
}
