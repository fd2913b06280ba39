/** Hand-built model objects for the responsibility-map tests. */
import { describeResource } from '../engine/run-checks.js';
import type { Inventory } from '../model/inventory.js';
import type {
  EbsVolume,
  KmsKey,
  LambdaFunction,
  RdsDbInstance,
  Resource,
  S3Bucket,
  S3DefaultEncryption,
} from '../model/resources/index.js';
import type { CheckResult, Status } from '../model/result.js';
import { awsDefault, explicit, type Value } from '../model/value.js';
import type { AreaResponsibility } from './types.js';

export const at = (logicalId: string) => ({ file: 'template.yaml', line: 1, logicalId });

export function bucket(id: string, encryption: Value<S3DefaultEncryption>): S3Bucket {
  const src = at(id);
  return {
    type: 'AWS::S3::Bucket',
    id,
    name: id,
    source: src,
    bucketName: awsDefault(id.toLowerCase(), src),
    encryption,
    publicAccessBlock: {
      blockPublicAcls: awsDefault(true, src),
      ignorePublicAcls: awsDefault(true, src),
      blockPublicPolicy: awsDefault(true, src),
      restrictPublicBuckets: awsDefault(true, src),
    },
    aclPublicPermissions: awsDefault([], src),
    objectOwnership: awsDefault('BucketOwnerEnforced', src),
    policy: awsDefault(null, src),
    policyIsPublic: awsDefault(null, src),
    versioning: awsDefault('Disabled', src),
    accessLogging: awsDefault(null, src),
    objectLock: awsDefault(false, src),
    lifecycleRuleCount: awsDefault(0, src),
    replication: awsDefault(false, src),
  };
}

export function kmsKey(id: string, managedBy: 'customer' | 'aws', arn?: string): KmsKey {
  const src = arn ? { arn } : at(id);
  return {
    type: 'AWS::KMS::Key',
    id,
    name: id,
    source: src,
    ...(arn ? { arn } : {}),
    keySpec: awsDefault('SYMMETRIC_DEFAULT', src),
    keyUsage: awsDefault('ENCRYPT_DECRYPT', src),
    rotationEnabled: explicit(true, src),
    keyPolicy: explicit({ version: '2012-10-17', statements: [], problems: [] }, src),
    enabled: awsDefault(true, src),
    pendingDeletion: awsDefault(false, src),
    multiRegion: awsDefault(false, src),
    managedBy,
  };
}

export function volume(id: string, kmsKeyId: Value<string | null>): EbsVolume {
  const src = at(id);
  return {
    type: 'AWS::EC2::Volume',
    id,
    name: id,
    source: src,
    encrypted: explicit(true, src),
    kmsKeyId,
    sizeGiB: explicit(10, src),
    attachedInstanceIds: [],
  };
}

export function lambda(id: string, packageType: 'Zip' | 'Image'): LambdaFunction {
  const src = at(id);
  return {
    type: 'AWS::Lambda::Function',
    id,
    name: id,
    source: src,
    packageType: explicit(packageType, src),
    runtime: packageType === 'Zip' ? explicit('nodejs20.x', src) : awsDefault(null, src),
    runtimeUpdateMode: awsDefault('Auto', src),
    role: explicit('{{Role}}', src),
    inVpc: awsDefault(false, src),
    environmentVariableNames: awsDefault([], src),
    kmsKeyArn: awsDefault(null, src),
    tracingMode: awsDefault('PassThrough', src),
    deadLetterTarget: awsDefault(null, src),
    reservedConcurrency: awsDefault(null, src),
    permissions: [],
    functionUrlAuthType: awsDefault(null, src),
  };
}

export function rdsInstance(id: string, isCustom: boolean): RdsDbInstance {
  const src = at(id);
  return {
    type: 'AWS::RDS::DBInstance',
    id,
    name: id,
    source: src,
    engine: explicit(isCustom ? 'custom-oracle-ee' : 'postgres', src),
    engineVersion: awsDefault(null, src),
    instanceClass: explicit('db.m5.large', src),
    clusterId: awsDefault(null, src),
    storageEncrypted: explicit(true, src),
    kmsKeyId: awsDefault(null, src),
    publiclyAccessible: awsDefault(false, src),
    multiAz: explicit(true, src),
    backupRetentionDays: explicit(7, src),
    deletionProtection: explicit(true, src),
    autoMinorVersionUpgrade: awsDefault(true, src),
    iamAuthentication: awsDefault(false, src),
    logExports: awsDefault([], src),
    isCustom,
  };
}

export function inventory(resources: Resource[]): Inventory {
  return {
    source: { kind: 'cloudformation', location: 'template.yaml' },
    resources,
    unmodeled: [{ id: 'Topic2', type: 'AWS::Custom::Thing', source: at('Topic2') }],
    notCreated: [],
    problems: [],
  };
}

export function result(checkId: string, status: Status, area: string, resource: Resource): CheckResult {
  return {
    checkId,
    status,
    severity: 'medium',
    area,
    title: checkId,
    message: `${checkId}: ${status}`,
    remediation: 'fix it',
    resource: describeResource(resource),
  };
}

export function areaOf(areas: readonly AreaResponsibility[], id: string): AreaResponsibility {
  const found = areas.find((a) => a.area === id);
  if (!found) throw new Error(`area ${id} missing`);
  return found;
}

export const sseS3 = (id: string) => awsDefault<S3DefaultEncryption>({ algorithm: 'AES256' }, at(id));
export const sseKms = (id: string, kmsKeyId: string) =>
  explicit<S3DefaultEncryption>({ algorithm: 'aws:kms', kmsKeyId }, at(id));
