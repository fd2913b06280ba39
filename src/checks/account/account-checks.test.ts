import { describe, expect, it } from 'vitest';
import type { AwsAccount, Ec2Instance } from '../../model/resources/index.js';
import { explicit, unknown } from '../../model/value.js';
import { type Check, createCheckContext, type Verdict } from '../check.js';
import { ec2InstanceManagedBySsm } from '../runtime/ec2-instance-managed-by-ssm.js';
import { acmCertificatesNotExpiring } from './acm-certificates-not-expiring.js';
import { backupPlansExist } from './backup-plans-exist.js';
import { configRecorderAllRegions } from './config-recorder-all-regions.js';
import { guardDutyEnabledAllRegions } from './guardduty-enabled-all-regions.js';
import { iamAccessKeysRotated90Days } from './iam-access-keys-rotated-90-days.js';
import { iamCredentialsUnused45Days } from './iam-credentials-unused-45-days.js';
import { iamPasswordPolicyMinLength } from './iam-password-policy-min-length.js';
import { iamPasswordPolicyPreventsReuse } from './iam-password-policy-prevents-reuse.js';
import { iamRootNotUsedRecently } from './iam-root-not-used-recently.js';
import { iamUserConsoleMfa } from './iam-user-console-mfa.js';
import { accountChecks } from './index.js';
import { s3AccountPublicAccessBlock } from './s3-account-public-access-block.js';
import { ssmPatchCompliance } from './ssm-patch-compliance.js';
import { badAccount, goodAccount, NOW, region, unknownAccount, user } from './test-accounts.js';

const src = { api: 'test' };
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000).toISOString();

function run(check: Check, account: AwsAccount): Verdict[] {
  const inventory = {
    source: { kind: 'aws' as const, location: 'test' },
    resources: [account],
    unmodeled: [],
    notCreated: [],
    problems: [],
  };
  const out = check.evaluate(account as never, createCheckContext(inventory, undefined, NOW));
  return Array.isArray(out) ? out : [out];
}
const statuses = (check: Check, account: AwsAccount) => run(check, account).map((v) => v.status);

describe('every account check', () => {
  it('reads only the account', () => {
    for (const check of accountChecks) expect(check.resourceTypes, check.id).toEqual(['AWS::Account']);
  });
  for (const check of accountChecks) {
    it(`${check.id}: passes a well-run account, fails a neglected one, and never fails on unknowns`, () => {
      const good = statuses(check, goodAccount());
      expect(good.length).toBeGreaterThan(0);
      expect(good.every((s) => s === 'PASS')).toBe(true);
      expect(statuses(check, badAccount())).toContain('FAIL');
      const unknowns = run(check, unknownAccount());
      expect(
        unknowns.map((v) => v.status).every((s) => s === 'UNKNOWN'),
        check.id,
      ).toBe(true);
      for (const v of unknowns) expect(v.message).not.toBe('');
    });
  }
});

describe('regional checks', () => {
  it('give one verdict per region, each naming its region', () => {
    const account = goodAccount({
      regions: [
        region('us-east-1'),
        region('eu-west-1', { guardDutyEnabled: explicit(false, src) }),
        region('ap-south-1', { guardDutyEnabled: unknown('guardduty:ListDetectors access denied', src) }),
      ],
    });
    const verdicts = run(guardDutyEnabledAllRegions as Check, account);
    expect(verdicts.map((v) => v.status)).toEqual(['PASS', 'FAIL', 'UNKNOWN']);
    expect(verdicts.map((v) => v.message.split(':')[0])).toEqual(['us-east-1', 'eu-west-1', 'ap-south-1']);
    expect(verdicts[2]?.message).toContain('guardduty:ListDetectors');
  });

  it('Config: a stopped or partial recorder fails, and someone must record global resources', () => {
    const recorder = (recording: boolean, allSupported: boolean, includeGlobalResources: boolean) =>
      explicit({ recording, allSupported, includeGlobalResources }, src);
    const account = goodAccount({
      regions: [
        region('us-east-1', { configRecorder: recorder(false, true, true) }),
        region('eu-west-1', { configRecorder: recorder(true, false, false) }),
      ],
    });
    expect(statuses(configRecorderAllRegions as Check, account)).toEqual(['FAIL', 'FAIL']);
    const noGlobal = goodAccount({
      regions: [
        region('us-east-1', { configRecorder: recorder(true, true, false) }),
        region('eu-west-1', { configRecorder: recorder(true, true, false) }),
      ],
    });
    const verdicts = run(configRecorderAllRegions as Check, noGlobal);
    expect(verdicts.map((v) => v.status)).toEqual(['PASS', 'PASS', 'FAIL']);
    expect(verdicts[2]?.message).toContain('global resource types');
  });

  it('ACM: expired and soon-expiring certificates fail; certificates not yet issued do not', () => {
    const certs = (list: Array<{ notAfter: string | null; inUse: boolean }>) =>
      explicit(
        list.map((c, i) => ({ arn: `arn:cert/${i}`, domain: `d${i}.example.com`, ...c })),
        src,
      );
    const soon = goodAccount({
      regions: [region('us-east-1', { certificates: certs([{ notAfter: daysAgo(-10), inUse: false }]) })],
    });
    const verdict = run(acmCertificatesNotExpiring as Check, soon)[0];
    expect(verdict?.status).toBe('FAIL');
    expect(verdict?.message).toContain('not in use');
    const expired = goodAccount({
      regions: [region('us-east-1', { certificates: certs([{ notAfter: daysAgo(3), inUse: true }]) })],
    });
    expect(run(acmCertificatesNotExpiring as Check, expired)[0]?.message).toContain('expired 3 days ago');
    const pending = goodAccount({
      regions: [region('us-east-1', { certificates: certs([{ notAfter: null, inUse: false }]) })],
    });
    expect(statuses(acmCertificatesNotExpiring as Check, pending)).toEqual(['PASS']);
  });
});

describe('credential report checks', () => {
  const withUsers = (...users: ReturnType<typeof user>[]) =>
    goodAccount({ credentialReport: explicit(users, src) });

  it('console MFA: names the console users without MFA and ignores users without a password', () => {
    const verdict = run(
      iamUserConsoleMfa as Check,
      withUsers(user('ann', { mfaActive: false }), user('svc', { passwordEnabled: false, mfaActive: false })),
    )[0];
    expect(verdict?.status).toBe('FAIL');
    expect(verdict?.message).toContain('ann');
    expect(verdict?.message).not.toContain('svc');
    expect(
      statuses(
        iamUserConsoleMfa as Check,
        withUsers(user('svc', { passwordEnabled: false, mfaActive: false })),
      ),
    ).toEqual(['PASS']);
  });

  it('unused credentials: a never-used password counts from when it was set, inactive keys do not count', () => {
    const fresh = user('new', { passwordLastUsed: null, passwordLastChanged: daysAgo(10), accessKeys: [] });
    expect(statuses(iamCredentialsUnused45Days as Check, withUsers(fresh))).toEqual(['PASS']);
    const stale = user('old', { passwordLastUsed: null, passwordLastChanged: daysAgo(50), accessKeys: [] });
    const verdict = run(iamCredentialsUnused45Days as Check, withUsers(stale))[0];
    expect(verdict?.status).toBe('FAIL');
    expect(verdict?.message).toContain('password never used in 50 days');
    const inactive = user('k', {
      accessKeys: [{ active: false, lastRotated: daysAgo(300), lastUsed: null }],
    });
    expect(statuses(iamCredentialsUnused45Days as Check, withUsers(inactive))).toEqual(['PASS']);
    const noDates = user('x', {
      passwordLastUsed: null,
      passwordLastChanged: null,
      userCreated: null,
      accessKeys: [],
    });
    expect(statuses(iamCredentialsUnused45Days as Check, withUsers(noDates))).toEqual(['UNKNOWN']);
  });

  it('key rotation: 90 days is the limit', () => {
    const at = (days: number) =>
      user('a', { accessKeys: [{ active: true, lastRotated: daysAgo(days), lastUsed: daysAgo(1) }] });
    expect(statuses(iamAccessKeysRotated90Days as Check, withUsers(at(90)))).toEqual(['PASS']);
    expect(statuses(iamAccessKeysRotated90Days as Check, withUsers(at(91)))).toEqual(['FAIL']);
  });

  it('root use: within 90 days fails, never used passes', () => {
    expect(
      statuses(iamRootNotUsedRecently as Check, goodAccount({ rootLastUsed: explicit(daysAgo(89), src) })),
    ).toEqual(['FAIL']);
    expect(
      statuses(iamRootNotUsedRecently as Check, goodAccount({ rootLastUsed: explicit(null, src) })),
    ).toEqual(['PASS']);
  });
});

describe('password policy', () => {
  const policy = (minimumLength: number, reusePrevention: number) =>
    goodAccount({
      passwordPolicy: explicit(
        {
          minimumLength,
          reusePrevention,
          requireSymbols: true,
          requireNumbers: true,
          requireUppercase: true,
          requireLowercase: true,
          maxAgeDays: null,
        },
        src,
      ),
    });
  it('needs 14 characters and 24 remembered passwords', () => {
    expect(statuses(iamPasswordPolicyMinLength as Check, policy(13, 24))).toEqual(['FAIL']);
    expect(statuses(iamPasswordPolicyMinLength as Check, policy(14, 24))).toEqual(['PASS']);
    expect(statuses(iamPasswordPolicyPreventsReuse as Check, policy(14, 5))).toEqual(['FAIL']);
    expect(statuses(iamPasswordPolicyPreventsReuse as Check, policy(14, 0))).toEqual(['FAIL']);
  });
});

describe('S3 account Block Public Access', () => {
  it('a known "off" fails even when another setting is unknown; otherwise an unknown is UNKNOWN', () => {
    const on = explicit(true, src);
    const gap = unknown('s3:GetAccountPublicAccessBlock access denied', src);
    const block = (first: typeof on | typeof gap, second: typeof on | typeof gap) =>
      goodAccount({
        s3AccountPublicAccessBlock: {
          blockPublicAcls: first,
          ignorePublicAcls: second,
          blockPublicPolicy: on,
          restrictPublicBuckets: on,
        },
      });
    expect(statuses(s3AccountPublicAccessBlock as Check, block(explicit(false, src), gap))).toEqual(['FAIL']);
    expect(statuses(s3AccountPublicAccessBlock as Check, block(on, gap))).toEqual(['UNKNOWN']);
  });
});

describe('ec2-instance-managed-by-ssm (live only)', () => {
  const instance = (managedBySsm: Ec2Instance['managedBySsm']) =>
    ({ type: 'AWS::EC2::Instance', id: 'i-1', name: 'i-1', source: src, managedBySsm }) as Ec2Instance;
  it('follows what SSM reports, and is UNKNOWN with the reason when SSM could not be asked', () => {
    const one = (v: Ec2Instance['managedBySsm']) => {
      const out = ec2InstanceManagedBySsm.evaluate(
        instance(v),
        createCheckContext({
          source: { kind: 'aws', location: 't' },
          resources: [],
          unmodeled: [],
          notCreated: [],
          problems: [],
        }),
      );
      return Array.isArray(out) ? out[0] : out;
    };
    expect(one(explicit(true, src))?.status).toBe('PASS');
    expect(one(explicit(false, src))?.status).toBe('FAIL');
    const gap = one(unknown('ssm:DescribeInstanceInformation the API is not available here', src));
    expect(gap?.status).toBe('UNKNOWN');
    expect(gap?.message).toContain('ssm:DescribeInstanceInformation');
  });
});

describe('ssm-patch-compliance', () => {
  it('fails a region with non-compliant instances, naming them, and passes a compliant one', () => {
    const account = goodAccount({
      regions: [
        region('us-east-1', {
          patchNonCompliantInstanceIds: explicit(['i-0bad1', 'i-0bad2'], src),
          patchCompliantInstanceIds: explicit(['i-0good'], src),
        }),
        region('eu-west-1'),
      ],
    });
    const verdicts = run(ssmPatchCompliance as Check, account);
    expect(verdicts.map((v) => v.status)).toEqual(['FAIL', 'PASS']);
    expect(verdicts[0]?.message).toBe('us-east-1: 2 instances not patch compliant: i-0bad1 and i-0bad2');
  });

  it('says nothing about a region where no instance reports patch state, and is UNKNOWN when unlisted', () => {
    const account = goodAccount({
      regions: [
        region('us-east-1', { patchCompliantInstanceIds: explicit([], src) }),
        region('eu-west-1', {
          patchNonCompliantInstanceIds: unknown('ssm:ListResourceComplianceSummaries failed', src),
          patchCompliantInstanceIds: unknown('ssm:ListResourceComplianceSummaries failed', src),
        }),
      ],
    });
    const verdicts = run(ssmPatchCompliance as Check, account);
    expect(verdicts.map((v) => v.status)).toEqual(['UNKNOWN']);
    expect(verdicts[0]?.message).toContain('ssm:ListResourceComplianceSummaries');
  });
});

describe('backup-plans-exist', () => {
  it('fails plans that select no resources, since they protect nothing', () => {
    const account = goodAccount({
      regions: [
        region('us-east-1', { backupPlanCount: explicit(2, src), backupSelectionCount: explicit(0, src) }),
        region('eu-west-1', { backupPlanCount: explicit(0, src), backupSelectionCount: explicit(0, src) }),
      ],
    });
    const [verdict] = run(backupPlansExist as Check, account);
    expect(verdict?.status).toBe('FAIL');
    expect(verdict?.message).toContain('select no resources');
  });

  it('is UNKNOWN, naming the operation, when the selections of existing plans cannot be listed', () => {
    const account = goodAccount({
      regions: [
        region('us-east-1', {
          backupPlanCount: explicit(1, src),
          backupSelectionCount: unknown('backup:ListBackupSelections failed', src),
        }),
        region('eu-west-1', { backupPlanCount: explicit(0, src), backupSelectionCount: explicit(0, src) }),
      ],
    });
    const [verdict] = run(backupPlansExist as Check, account);
    expect(verdict?.status).toBe('UNKNOWN');
    expect(verdict?.message).toContain('backup:ListBackupSelections');
  });

  it('passes when one region has a plan with a selection', () => {
    const account = goodAccount({
      regions: [
        region('us-east-1'),
        region('eu-west-1', { backupPlanCount: explicit(1, src), backupSelectionCount: explicit(0, src) }),
      ],
    });
    expect(statuses(backupPlansExist as Check, account)).toEqual(['PASS']);
  });
});
