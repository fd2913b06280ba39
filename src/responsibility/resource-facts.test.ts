import { describe, expect, it } from 'vitest';
import { explicit, unknown } from '../model/value.js';
import { isCustomerManagedKeyRef, readPath } from './resource-facts.js';

const src = { logicalId: 'Web' };

describe('readPath', () => {
  it('walks arrays and unwraps Values at every step', () => {
    const instance = {
      volumes: [
        { device: '/dev/xvda', kmsKeyId: explicit('{{DiskKey}}', src) },
        { device: '/dev/xvdb', kmsKeyId: unknown('parameter DataKey has no value', src) },
        { device: '/dev/xvdc' },
      ],
    };
    expect(readPath(instance, 'volumes[].kmsKeyId')).toEqual([
      { known: true, value: '{{DiskKey}}' },
      { known: false, reason: 'parameter DataKey has no value' },
    ]);
  });

  it('reads through a known Value object and stops at an unknown one', () => {
    const bucket = { encryption: explicit({ algorithm: 'aws:kms', kmsKeyId: 'alias/app' }, src) };
    expect(readPath(bucket, 'encryption.kmsKeyId')).toEqual([{ known: true, value: 'alias/app' }]);
    const hidden = { encryption: unknown('access denied: s3:GetBucketEncryption', src) };
    expect(readPath(hidden, 'encryption.kmsKeyId')).toEqual([
      { known: false, reason: 'access denied: s3:GetBucketEncryption' },
    ]);
    expect(readPath({}, 'encryption.kmsKeyId')).toEqual([]);
  });
});

describe('isCustomerManagedKeyRef', () => {
  const awsManaged = new Set(['arn:aws:kms:eu-west-1:111122223333:key/aws-s3-key']);
  it.each([
    ['{{AppKey}}', true],
    ['alias/app-data', true],
    ['arn:aws:kms:eu-west-1:111122223333:key/0f1e2d3c', true],
    ['alias/aws/s3', false],
    ['arn:aws:kms:eu-west-1:111122223333:alias/aws/rds', false],
    ['arn:aws:kms:eu-west-1:111122223333:key/aws-s3-key', false],
    ['', false],
  ])('%s → %s', (ref, expected) => {
    expect(isCustomerManagedKeyRef(ref, awsManaged)).toBe(expected);
  });
});
