import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../catalog/load-catalog.js';
import { awsDefault, explicit, unknown } from '../model/value.js';
import { buildResponsibilityMap } from './build-map.js';
import {
  areaOf,
  at,
  bucket,
  inventory,
  kmsKey,
  lambda,
  result,
  sseKms,
  sseS3,
  volume,
} from './test-fixtures.js';

const catalog = loadCatalog();

describe('buildResponsibilityMap', () => {
  it('resolves category defaults and service overrides, keeping the trail', () => {
    const b = bucket('Logs', sseS3('Logs'));
    const map = buildResponsibilityMap(inventory([b]), [], catalog);
    const [entry] = map.resources;
    expect(entry).toMatchObject({
      service: 's3',
      category: 'abstracted',
      resource: { id: 'Logs', type: 'AWS::S3::Bucket' },
    });
    const areas = entry?.areas ?? [];
    expect(areas.map((a) => a.area)).not.toContain('log.audit');
    const facility = areaOf(areas, 'phys.facility');
    expect(facility).toMatchObject({
      owner: 'provider',
      trail: [{ layer: 'category', id: 'abstracted', owner: 'provider' }],
    });
    expect(facility.status).toBe('inherited');
    expect(facility.inheritedFrom?.attestations).toContain('soc2');
    const atRest = areaOf(areas, 'data.enc-at-rest');
    expect(atRest.trail).toEqual([
      { layer: 'category', id: 'abstracted', owner: 'shared' },
      { layer: 'service', id: 's3', owner: 'shared' },
    ]);
    expect(atRest).toMatchObject({ customerAction: 'choose', defaultSatisfied: true, status: 'unverified' });
    expect(atRest.providerPart).toMatch(/SSE-S3/);
    expect(areaOf(areas, 'app.code')).toMatchObject({
      owner: 'n/a',
      reason: 'The service runs no code of yours.',
    });
    expect(map.notAssessed).toEqual([{ id: 'Topic2', type: 'AWS::Custom::Thing' }]);
  });

  it('derives status from the results for each customer part', () => {
    const b = bucket('Data', sseS3('Data'));
    const results = [
      result('s3-bucket-versioning', 'PASS', 'res.backup', b),
      result('s3-bucket-tls-only', 'FAIL', 'data.enc-in-transit', b),
      result('s3-bucket-access-logging', 'UNKNOWN', 'log.service', b),
      result('s3-bucket-kms-encryption', 'PASS', 'data.enc-at-rest', b),
      result('s3-bucket-other', 'ERROR', 'data.enc-at-rest', b),
    ];
    const areas = buildResponsibilityMap(inventory([b]), results, catalog).resources[0]?.areas ?? [];
    expect(areaOf(areas, 'res.backup')).toMatchObject({
      status: 'verified',
      evidence: { checkIds: ['s3-bucket-versioning'], pass: 1 },
    });
    expect(areaOf(areas, 'data.enc-in-transit')).toMatchObject({ status: 'failing', evidence: { fail: 1 } });
    expect(areaOf(areas, 'log.service').status).toBe('unverified');
    // A PASS next to an ERROR proves nothing: still unverified.
    expect(areaOf(areas, 'data.enc-at-rest')).toMatchObject({
      status: 'unverified',
      evidence: { checkIds: ['s3-bucket-kms-encryption', 's3-bucket-other'], pass: 1, error: 1 },
    });
  });

  it('makes key management the customer’s when a customer managed key is used', () => {
    const awsKeyArn = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-aws-managed';
    const resources = [
      bucket('TokenKey', sseKms('TokenKey', '{{BucketKey}}')),
      bucket('AwsAlias', sseKms('AwsAlias', 'alias/aws/s3')),
      bucket('AwsArn', sseKms('AwsArn', awsKeyArn)),
      bucket('OwnAlias', sseKms('OwnAlias', 'alias/app-data')),
      bucket('Unknown', unknown('parameter KeyArn has no value', at('Unknown'))),
      kmsKey('AwsS3Key', 'aws', awsKeyArn),
    ];
    const map = buildResponsibilityMap(inventory(resources), [], catalog);
    const keyMgmt = (id: string) =>
      areaOf(map.resources.find((r) => r.resource.id === id)?.areas ?? [], 'data.key-mgmt');
    expect(keyMgmt('TokenKey')).toMatchObject({
      owner: 'customer',
      customerAction: 'configure',
      status: 'unverified',
    });
    expect(keyMgmt('TokenKey').trail.at(-1)).toEqual({
      layer: 'resource-fact',
      id: 'customer-managed-kms-key',
      owner: 'customer',
    });
    expect(keyMgmt('OwnAlias').owner).toBe('customer');
    expect(keyMgmt('AwsAlias')).toMatchObject({ owner: 'shared', customerAction: 'choose' });
    expect(keyMgmt('AwsArn').owner).toBe('shared');
    expect(keyMgmt('Unknown').owner).toBe('shared');
    expect(keyMgmt('Unknown').note).toContain('parameter KeyArn has no value');
    // The AWS managed key itself: AWS writes its policy and rotates it.
    const awsKey = map.resources.find((r) => r.resource.id === 'AwsS3Key')?.areas ?? [];
    expect(areaOf(awsKey, 'data.key-mgmt')).toMatchObject({ owner: 'provider' });
    expect(areaOf(awsKey, 'iam.resource-policy').trail.map((t) => t.layer)).toEqual([
      'category',
      'service',
      'resource-fact',
    ]);
  });

  it('walks arrays and Value wrappers to find key ids', () => {
    const own = volume('Disk', explicit('arn:aws:kms:eu-west-1:111122223333:key/abcd', at('Disk')));
    const none = volume('Plain', awsDefault(null, at('Plain')));
    const map = buildResponsibilityMap(inventory([own, none]), [], catalog);
    expect(map.resources.map((r) => areaOf(r.areas, 'data.key-mgmt').owner)).toEqual(['customer', 'shared']);
    expect(map.resources[0]).toMatchObject({ service: 'ec2', category: 'infrastructure' });
    // The ebs-volume variant strips the instance-only duties from volumes.
    const osPatch = areaOf(map.resources[0]?.areas ?? [], 'os.patch');
    expect(osPatch).toMatchObject({ owner: 'n/a' });
    expect(osPatch.trail.map((t) => `${t.layer}:${t.id}`)).toEqual([
      'category:infrastructure',
      'service:ec2',
      'variant:ebs-volume',
    ]);
    expect(map.resources[0]?.variants).toEqual(['ebs-volume']);
  });

  it('applies deployment-variant facts (Lambda container images)', () => {
    const zip = lambda('Zip', 'Zip');
    const image = lambda('Image', 'Image');
    const map = buildResponsibilityMap(inventory([zip, image]), [], catalog);
    const [zipPatch, imagePatch] = map.resources.map((r) => areaOf(r.areas, 'rt.patch'));
    expect(zipPatch).toMatchObject({ owner: 'shared', defaultSatisfied: true });
    expect(imagePatch).toMatchObject({ owner: 'shared', defaultSatisfied: false, customerAction: 'operate' });
    expect(imagePatch?.trail.at(-1)?.id).toBe('lambda-container-image');
  });

  it('answers account-scoped areas once, from results on any resource', () => {
    const b = bucket('Data', sseS3('Data'));
    const results = [result('cloudtrail-multi-region', 'PASS', 'log.audit', b)];
    const map = buildResponsibilityMap(inventory([b]), results, catalog);
    expect(map.account.map((a) => a.area)).toEqual([
      'iam.federation',
      'log.audit',
      'det.threat',
      'ir.response',
      'org.policy',
      'org.training',
      'org.config-mgmt',
    ]);
    expect(areaOf(map.account, 'log.audit')).toMatchObject({
      owner: 'shared',
      status: 'verified',
      trail: [{ layer: 'account', id: 'account', owner: 'shared' }],
    });
    expect(areaOf(map.account, 'org.training').status).toBe('unverified');
  });

  it('counts the headline and reports evidence the catalog does not expect', () => {
    const b = bucket('Data', sseS3('Data'));
    const results = [
      result('s3-bucket-versioning', 'PASS', 'res.backup', b),
      result('s3-bucket-tls-only', 'FAIL', 'data.enc-in-transit', b),
      result('weird-check', 'PASS', 'os.patch', b),
      result('typo-check', 'PASS', 'data.nowhere', b),
    ];
    const map = buildResponsibilityMap(inventory([b]), results, catalog);
    const owned = [...(map.resources[0]?.areas ?? []), ...map.account].filter(
      (a) => a.owner === 'customer' || a.owner === 'shared',
    );
    expect(map.headline).toMatchObject({
      owned: owned.length,
      resources: 1,
      verified: 1,
      failing: 1,
      attested: 0,
    });
    expect(map.headline.unverified).toBe(owned.length - 2);
    expect(map.headline.text).toBe(
      `you own ${owned.length} responsibilities across 1 resource and the account: 1 verified, 1 failing, ${owned.length - 2} unverified, 0 attested`,
    );
    expect(map.warnings).toEqual([
      'check typo-check reports area "data.nowhere", which the catalog does not define',
      'Data: weird-check gave evidence for os.patch, which the catalog marks provider',
    ]);
  });
});
