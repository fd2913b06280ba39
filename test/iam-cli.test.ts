import { describe, expect, it } from 'vitest';
import type { WhatCanAnswer } from '../src/iam/what-can.js';
import type { WhoCanAnswer } from '../src/iam/who-can.js';
import { runCli } from './cli-helpers.js';

const TEMPLATE = 'test/fixtures/iam-questions.yaml';

describe('whoowns iam who-can', () => {
  it('lists who may read the bucket, with the statements, the roles they reach it through and outsiders', async () => {
    const run = await runCli('iam', 'who-can', 's3:GetObject', 'DataBucket', TEMPLATE);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/ALLOWED role ReaderRole/);
    expect(run.stdout).toContain('Allow statement #1 of identity policy "ReaderRole/read"');
    // Admin's s3 access hangs on an MFA condition the question leaves open.
    expect(run.stdout).toMatch(/MAYBE\s+role Admin/);
    expect(run.stdout).toContain('aws:MultiFactorAuthPresent');
    expect(run.stdout).toContain('via user Alice → role ReaderRole');
    expect(run.stdout).toContain('account 222222222222');
  });

  it('answers in JSON with the same facts, from --template too', async () => {
    const run = await runCli(
      'iam',
      'who-can',
      's3:GetObject',
      'DataBucket',
      '--template',
      TEMPLATE,
      '--format',
      'json',
    );
    const answer = JSON.parse(run.stdout) as WhoCanAnswer;
    expect(answer.target).toMatchObject({ id: 'DataBucket', type: 'AWS::S3::Bucket' });
    expect(answer.allowed.map((e) => [e.who, e.decision])).toEqual([
      ['role ReaderRole', 'Allowed'],
      ['role Admin', 'Unknown'],
    ]);
    expect(answer.viaAssumeRole[0]?.via).toEqual(['user Alice', 'role ReaderRole']);
  });

  it('refuses something that is not an action, and a missing source', async () => {
    expect((await runCli('iam', 'who-can', 'GetObject', 'DataBucket', TEMPLATE)).code).toBe(2);
    const none = await runCli('iam', 'who-can', 's3:GetObject', 'DataBucket');
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('give template paths');
  });
});

describe('whoowns iam what-can', () => {
  it('lists what a role may do per service and access level', async () => {
    const run = await runCli('iam', 'what-can', 'ReaderRole', TEMPLATE);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('s3 — Read');
    expect(run.stdout).toContain('s3:GetObject on ${DataBucket.Arn}/*');
  });

  it('limits to --service and answers in JSON', async () => {
    const run = await runCli('iam', 'what-can', 'Admin', TEMPLATE, '--service', 'iam', '--format', 'json');
    const answer = JSON.parse(run.stdout) as WhatCanAnswer;
    expect(answer.services).toEqual(['iam']);
    expect(answer.grants.find((g) => g.action === 'iam:CreateUser')?.decision).toBe('Allowed');
    expect(answer.grants.every((g) => g.action.startsWith('iam:'))).toBe(true);
  });

  it('says so when the principal is not there', async () => {
    const run = await runCli('iam', 'what-can', 'Nobody', TEMPLATE);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no role or user "Nobody"');
  });
});
