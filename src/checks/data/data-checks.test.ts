import { describe, expect, it } from 'vitest';
import type { PolicyStatement } from '../../model/policy.js';
import type {
  KmsKey,
  LoadBalancer,
  LoadBalancerListener,
  RdsDbInstance,
  S3Bucket,
} from '../../model/resources/index.js';
import { awsDefault, explicit, unknown, type Value } from '../../model/value.js';
import type { Verdict } from '../check.js';
import { runCheck } from '../test-support.js';
import { elbv2ListenerHttps } from './elbv2-listener-https.js';
import { elbv2ListenerTlsPolicy, lowestTlsMinor } from './elbv2-listener-tls-policy.js';
import { kmsKeyRotation } from './kms-key-rotation.js';
import { rdsStorageEncrypted } from './rds-storage-encrypted.js';
import { firstStatus } from '../../../test/template-checks.js';
import { s3BucketKmsEncryption } from './s3-bucket-kms-encryption.js';
import { s3BucketNoPublicAccess } from './s3-bucket-no-public-access.js';
import { s3BucketTlsOnly } from './s3-bucket-tls-only.js';

const src = { file: 't.yaml', line: 7 };
const on = (v: boolean): Value<boolean> => explicit(v, src);

const run = runCheck;
const statuses = (vs: Verdict[]) => vs.map((v) => v.status);

function bucket(statements: Omit<PolicyStatement, 'index'>[] | null, over: Partial<S3Bucket> = {}): S3Bucket {
  const policy =
    statements === null
      ? null
      : { statements: statements.map((s, index) => ({ ...s, index })), problems: [] };
  return {
    id: 'Data',
    name: 'Data',
    source: src,
    type: 'AWS::S3::Bucket',
    bucketName: explicit('data', src),
    encryption: awsDefault({ algorithm: 'AES256' }, src),
    publicAccessBlock: {
      blockPublicAcls: on(true),
      ignorePublicAcls: on(true),
      blockPublicPolicy: on(false),
      restrictPublicBuckets: on(false),
    },
    aclPublicPermissions: explicit([], src),
    objectOwnership: awsDefault('BucketOwnerEnforced', src),
    policy: explicit(policy, src),
    policyIsPublic: explicit(policy === null ? null : false, src),
    versioning: awsDefault('Disabled', src),
    accessLogging: awsDefault(null, src),
    objectLock: awsDefault(false, src),
    lifecycleRuleCount: awsDefault(0, src),
    replication: awsDefault(false, src),
    ...over,
  };
}
const publicRead = (condition?: PolicyStatement['condition']): Omit<PolicyStatement, 'index'> => ({
  effect: 'Allow',
  principal: '*',
  action: ['s3:GetObject'],
  resource: ['arn:aws:s3:::data/*'],
  ...(condition ? { condition } : {}),
});

describe('s3-bucket-no-public-access', () => {
  it('fails an unconditioned public grant while RestrictPublicBuckets is off', () => {
    expect(statuses(run(s3BucketNoPublicAccess, bucket([publicRead()])))).toEqual(['FAIL']);
  });
  it('passes when RestrictPublicBuckets neutralises the public policy, and says so', () => {
    const b = bucket([publicRead()]);
    b.publicAccessBlock.restrictPublicBuckets = awsDefault(true, src);
    const [v] = run(s3BucketNoPublicAccess, b);
    expect(v?.status).toBe('PASS');
    expect(v?.message).toContain('RestrictPublicBuckets is on');
  });
  it('is UNKNOWN when the neutralising flag is unknown', () => {
    const b = bucket([publicRead()]);
    b.publicAccessBlock.restrictPublicBuckets = unknown('parameter Restrict has no value', src);
    expect(statuses(run(s3BucketNoPublicAccess, b))).toEqual(['UNKNOWN']);
  });
  it.each([
    ['fixed VPC endpoint', { StringEquals: { 'aws:SourceVpce': ['vpce-1a2b3c4d'] } }, 'PASS'],
    ['organization', { StringEquals: { 'aws:PrincipalOrgID': ['o-abc123'] } }, 'PASS'],
    ['office CIDR', { IpAddress: { 'aws:SourceIp': ['203.0.113.0/24'] } }, 'PASS'],
    ['template resource token', { ArnEquals: { 'aws:SourceArn': ['{{Distribution.Arn}}'] } }, 'PASS'],
    ['the whole internet as CIDR', { IpAddress: { 'aws:SourceIp': ['0.0.0.0/0'] } }, 'FAIL'],
    ['negated operator', { StringNotEquals: { 'aws:PrincipalOrgID': ['o-abc123'] } }, 'FAIL'],
    ['IfExists operator', { StringEqualsIfExists: { 'aws:SourceAccount': ['111122223333'] } }, 'FAIL'],
    ['wildcard value', { StringLike: { 'aws:SourceArn': ['arn:aws:cloudfront::*'] } }, 'FAIL'],
    ['unrelated key', { StringEquals: { 's3:ExistingObjectTag/public': ['yes'] } }, 'FAIL'],
    [
      'value known only at deployment',
      { StringEquals: { 'aws:SourceAccount': ['{{unresolved:parameter Partner}}'] } },
      'UNKNOWN',
    ],
  ])('a * principal pinned by %s gives %s', (_label, condition, expected) => {
    expect(statuses(run(s3BucketNoPublicAccess, bucket([publicRead(condition)])))).toEqual([expected]);
  });
  it('treats a Deny on everything outside one endpoint as confining the Allow', () => {
    const deny: Omit<PolicyStatement, 'index'> = {
      effect: 'Deny',
      principal: '*',
      action: ['s3:*'],
      resource: ['arn:aws:s3:::data', 'arn:aws:s3:::data/*'],
      condition: { StringNotEquals: { 'aws:SourceVpce': ['vpce-1a2b3c4d'] } },
    };
    expect(statuses(run(s3BucketNoPublicAccess, bucket([publicRead(), deny])))).toEqual(['PASS']);
  });
  it('judges public ACLs by IgnorePublicAcls and ignores them when ACLs are disabled', () => {
    const acl = explicit(['READ'], src);
    const writer = explicit('ObjectWriter' as const, src);
    expect(
      statuses(
        run(s3BucketNoPublicAccess, bucket(null, { aclPublicPermissions: acl, objectOwnership: writer })),
      ),
    ).toEqual(['PASS']);
    const exposed = bucket(null, { aclPublicPermissions: acl, objectOwnership: writer });
    exposed.publicAccessBlock.ignorePublicAcls = on(false);
    expect(statuses(run(s3BucketNoPublicAccess, exposed))).toEqual(['FAIL']);
    exposed.objectOwnership = explicit('BucketOwnerEnforced', src);
    expect(statuses(run(s3BucketNoPublicAccess, exposed))).toEqual(['PASS']);
  });
});

describe('s3-bucket-tls-only', () => {
  const tlsDeny = (value: string, extra = {}): Omit<PolicyStatement, 'index'> => ({
    effect: 'Deny',
    principal: { AWS: ['*'] },
    action: ['s3:*'],
    resource: ['{{Data.Arn}}', '{{Data.Arn}}/*'],
    condition: { Bool: { 'aws:SecureTransport': [value] }, ...extra },
  });
  it('passes a Deny on aws:SecureTransport false and fails without a policy', () => {
    expect(statuses(run(s3BucketTlsOnly, bucket([tlsDeny('false')])))).toEqual(['PASS']);
    expect(statuses(run(s3BucketTlsOnly, bucket(null)))).toEqual(['FAIL']);
  });
  it('gives UNKNOWN with the reason when the policy is unknown', () => {
    const [v] = run(
      s3BucketTlsOnly,
      bucket(null, { policy: unknown('PolicyDocument comes from parameter Doc', src) }),
    );
    expect(v?.status).toBe('UNKNOWN');
    expect(v?.message).toContain('bucket Data: PolicyDocument comes from parameter Doc');
  });
  it('does not count a Deny narrowed by further conditions', () => {
    const narrowed = tlsDeny('false', { StringEquals: { 'aws:SourceVpce': ['vpce-1'] } });
    expect(statuses(run(s3BucketTlsOnly, bucket([narrowed])))).toEqual(['FAIL']);
  });
});

describe('rds-storage-encrypted', () => {
  const db = (clusterId: Value<string | null>, storageEncrypted: Value<boolean>) =>
    ({
      id: 'Db',
      name: 'Db',
      source: src,
      type: 'AWS::RDS::DBInstance',
      clusterId,
      storageEncrypted,
    }) as RdsDbInstance;
  it('sends an Aurora instance to its cluster when the cluster setting is unknown', () => {
    const [v] = run(
      rdsStorageEncrypted,
      db(explicit('{{Ledger}}', src), unknown('set on the DB cluster, which is not in this file', src)),
    );
    expect(v?.status).toBe('UNKNOWN');
    expect(v?.message).toContain('Aurora cluster Ledger');
  });
  it('fails an instance left at the unencrypted default', () => {
    expect(statuses(run(rdsStorageEncrypted, db(awsDefault(null, src), awsDefault(false, src))))).toEqual([
      'FAIL',
    ]);
  });
});

describe('kms-key-rotation', () => {
  const key = (keySpec: string, keyUsage: string, managedBy: 'customer' | 'aws' = 'customer') =>
    ({
      id: 'K',
      name: 'K',
      source: src,
      type: 'AWS::KMS::Key',
      keySpec: explicit(keySpec, src),
      keyUsage: explicit(keyUsage, src),
      rotationEnabled: awsDefault(false, src),
      pendingDeletion: awsDefault(false, src),
      managedBy,
    }) as KmsKey;
  it('gives no verdict for keys that cannot or need not be rotated by the customer', () => {
    expect(run(kmsKeyRotation, key('RSA_2048', 'SIGN_VERIFY'))).toEqual([]);
    expect(run(kmsKeyRotation, key('HMAC_256', 'GENERATE_VERIFY_MAC'))).toEqual([]);
    expect(run(kmsKeyRotation, key('SYMMETRIC_DEFAULT', 'ENCRYPT_DECRYPT', 'aws'))).toEqual([]);
  });
  it('fails a symmetric key at the default (rotation off)', () => {
    expect(statuses(run(kmsKeyRotation, key('SYMMETRIC_DEFAULT', 'ENCRYPT_DECRYPT')))).toEqual(['FAIL']);
  });
});

describe('load balancer listeners', () => {
  const listener = (
    id: string,
    protocol: string,
    redirects: boolean,
    sslPolicy: string | null = null,
  ): LoadBalancerListener => ({
    id,
    protocol: explicit(protocol, src),
    port: explicit(80, src),
    sslPolicy: sslPolicy ? explicit(sslPolicy, src) : awsDefault(null, src),
    redirectsToHttps: explicit(redirects, src),
    source: src,
  });
  const lb = (...listeners: LoadBalancerListener[]) =>
    ({
      id: 'Lb',
      name: 'Lb',
      source: src,
      type: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
      lbType: awsDefault('application', src),
      listeners,
    }) as LoadBalancer;
  it('gives one verdict per listener: redirecting HTTP passes, forwarding HTTP fails, TCP is left alone', () => {
    const found = run(
      elbv2ListenerHttps,
      lb(listener('R', 'HTTP', true), listener('F', 'HTTP', false), listener('T', 'TCP', false)),
    );
    expect(statuses(found)).toEqual(['PASS', 'FAIL']);
  });
  it('fails the 2016-08 default and passes TLS 1.2+ policies', () => {
    const found = run(
      elbv2ListenerTlsPolicy,
      lb(listener('D', 'HTTPS', false), listener('G', 'TLS', false, 'ELBSecurityPolicy-TLS13-1-3-2021-06')),
    );
    expect(statuses(found)).toEqual(['FAIL', 'PASS']);
    expect(found[0]?.message).toContain('ELBSecurityPolicy-2016-08');
  });
  it.each([
    ['ELBSecurityPolicy-2016-08', 0],
    ['ELBSecurityPolicy-FS-2018-06', 0],
    ['ELBSecurityPolicy-TLS-1-0-2015-04', 0],
    ['ELBSecurityPolicy-TLS-1-1-2017-01', 1],
    ['ELBSecurityPolicy-TLS13-1-1-2021-06', 1],
    ['ELBSecurityPolicy-FS-1-1-2019-08', 1],
    ['ELBSecurityPolicy-TLS-1-2-Ext-2018-06', 2],
    ['ELBSecurityPolicy-TLS13-1-2-Ext2-2021-06', 2],
    ['ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04', 3],
    ['MyCustomPolicy', undefined],
  ])('%s accepts TLS 1.%s and up', (policy, minor) => {
    expect(lowestTlsMinor(policy)).toBe(minor);
  });
});

describe('s3-bucket-kms-encryption and load balancer log buckets', () => {
  const statusOf = (lbType: string, enabled: string, target: string) => {
    const text = `
Resources:
  Logs:
    Type: AWS::S3::Bucket
    Properties: { BucketName: lb-logs-111122223333 }
  Lb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Type: ${lbType}
      LoadBalancerAttributes:
        - { Key: access_logs.s3.enabled, Value: '${enabled}' }
        - { Key: access_logs.s3.bucket, Value: ${target} }
`;
    return firstStatus(s3BucketKmsEncryption, text);
  };

  it('lets a bucket that receives Application Load Balancer access logs keep SSE-S3, the only option ALB supports', () => {
    expect(statusOf('application', 'true', '!Ref Logs')).toBe('PASS');
    expect(statusOf('application', 'true', 'lb-logs-111122223333')).toBe('PASS');
  });

  it('still asks for KMS when no ALB delivers logs there (NLB delivery supports KMS keys)', () => {
    expect(statusOf('application', 'false', '!Ref Logs')).toBe('FAIL');
    expect(statusOf('network', 'true', '!Ref Logs')).toBe('FAIL');
    expect(statusOf('application', 'true', 'another-bucket')).toBe('FAIL');
  });
});

describe('s3-bucket-no-public-access and a grant that may be public', () => {
  const statusWith = (restrict: string) => {
    const text = `
Parameters:
  Reader: { Type: String }
Resources:
  Data:
    Type: AWS::S3::Bucket
    Properties:
      PublicAccessBlockConfiguration: { RestrictPublicBuckets: ${restrict} }
  DataPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Data
      PolicyDocument:
        Statement:
          - Effect: Allow
            Principal: '*'
            Action: s3:GetObject
            Resource: !Sub '\${Data.Arn}/*'
            Condition: { StringEquals: { 'aws:PrincipalAccount': !Ref Reader } }
`;
    return firstStatus(s3BucketNoPublicAccess, text);
  };

  it('passes when RestrictPublicBuckets is on, and cannot tell when it is off', () => {
    expect(statusWith('true')).toBe('PASS');
    expect(statusWith('false')).toBe('UNKNOWN');
  });
});
