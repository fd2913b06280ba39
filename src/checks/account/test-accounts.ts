/**
 * Hand-built accounts for the account checks' tests. Templates never produce an AWS::Account, so
 * these stand in for the good and bad fixtures the template checks have.
 */
import { unknownAccountFacts, unknownRegion } from '../../model/unknown-account.js';
import type {
  AwsAccount,
  CredentialReportRow,
  MonitoredPattern,
  RegionalSettings,
} from '../../model/resources/index.js';
import { explicit, type SourceRef, unknown } from '../../model/value.js';
import { BASE_FIELDS } from '../record-reads.js';
import { filterPatternOf, MONITORING } from './monitoring-data.js';

export const NOW = new Date('2026-11-23T12:00:00Z');
const src: SourceRef = { api: 'test' };
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000).toISOString();
const daysAhead = (n: number) => daysAgo(-n);

export function region(name: string, over: Partial<RegionalSettings> = {}): RegionalSettings {
  return {
    region: name,
    ebsEncryptionByDefault: explicit(true, src),
    configRecorder: explicit({ recording: true, allSupported: true, includeGlobalResources: true }, src),
    guardDutyEnabled: explicit(true, src),
    securityHubEnabled: explicit(true, src),
    accessAnalyzerActive: explicit(true, src),
    ssmManagedInstanceIds: explicit([], src),
    patchNonCompliantInstanceIds: explicit([], src),
    patchCompliantInstanceIds: explicit(['i-0aaa'], src),
    publicAmiIds: explicit([], src),
    publicSnapshotIds: explicit([], src),
    publicRdsSnapshotIds: explicit([], src),
    certificates: explicit(
      [
        {
          arn: 'arn:aws:acm:x:1:certificate/a',
          domain: 'shop.example.com',
          notAfter: daysAhead(200),
          inUse: true,
        },
      ],
      src,
    ),
    backupPlanCount: explicit(1, src),
    backupVaultCount: explicit(1, src),
    backupSelectionCount: explicit(1, src),
    backupProtectedResourceArns: explicit(['arn:aws:dynamodb:us-east-1:111122223333:table/orders'], src),
    ...over,
  };
}

export function user(name: string, over: Partial<CredentialReportRow> = {}): CredentialReportRow {
  return {
    user: name,
    arn: `arn:aws:iam::111122223333:user/${name}`,
    passwordEnabled: true,
    passwordLastUsed: daysAgo(2),
    mfaActive: true,
    userCreated: daysAgo(400),
    passwordLastChanged: daysAgo(30),
    accessKeys: [{ active: true, lastRotated: daysAgo(20), lastUsed: daysAgo(1) }],
    ...over,
  };
}

/** One alarmed filter per CIS 4.x recommendation, each with the data's own reference pattern. */
export function allMonitored(): MonitoredPattern[] {
  return MONITORING.recommendations.map((rec) => ({
    logGroupName: 'trail-logs',
    filterName: rec.checkId,
    pattern: filterPatternOf(rec),
    alarmsWithSubscribers: [`${rec.checkId}-alarm`],
    alarmsWithoutSubscribers: [],
  }));
}

/** An account where every account check passes; `over` turns it into the case under test. */
export function goodAccount(over: Partial<AwsAccount> = {}): AwsAccount {
  const arn = 'arn:aws:iam::111122223333:root';
  return {
    type: 'AWS::Account',
    id: arn,
    arn,
    name: 'account 111122223333',
    account: '111122223333',
    source: { arn },
    accountId: '111122223333',
    rootMfaEnabled: explicit(true, src),
    rootAccessKeysPresent: explicit(false, src),
    rootLastUsed: explicit(daysAgo(200), src),
    passwordPolicy: explicit(
      {
        minimumLength: 16,
        requireSymbols: true,
        requireNumbers: true,
        requireUppercase: true,
        requireLowercase: true,
        reusePrevention: 24,
        maxAgeDays: null,
      },
      src,
    ),
    credentialReport: explicit(
      [
        user('<root_account>', { passwordLastUsed: daysAgo(200), accessKeys: [] }),
        user('alice'),
        user('bob'),
      ],
      src,
    ),
    supportRoleExists: explicit(true, src),
    s3AccountPublicAccessBlock: {
      blockPublicAcls: explicit(true, src),
      ignorePublicAcls: explicit(true, src),
      blockPublicPolicy: explicit(true, src),
      restrictPublicBuckets: explicit(true, src),
    },
    organization: explicit({ id: 'o-abc123', managementAccountId: '999988887777' }, src),
    trailLogGroups: explicit(['arn:aws:logs:us-east-1:111122223333:log-group:trail-logs:*'], src),
    monitoredPatterns: explicit(allMonitored(), src),
    regions: [region('us-east-1'), region('eu-west-1')],
    ...over,
  };
}

/** An account where every account check fails. */
export function badAccount(): AwsAccount {
  const off = explicit(false, src);
  return goodAccount({
    rootMfaEnabled: off,
    rootAccessKeysPresent: explicit(true, src),
    rootLastUsed: explicit(daysAgo(3), src),
    passwordPolicy: explicit(null, src),
    credentialReport: explicit(
      [
        user('carol', {
          mfaActive: false,
          passwordLastUsed: daysAgo(100),
          accessKeys: [
            { active: true, lastRotated: daysAgo(300), lastUsed: daysAgo(60) },
            { active: true, lastRotated: daysAgo(10), lastUsed: null },
          ],
        }),
      ],
      src,
    ),
    supportRoleExists: off,
    s3AccountPublicAccessBlock: {
      blockPublicAcls: off,
      ignorePublicAcls: off,
      blockPublicPolicy: off,
      restrictPublicBuckets: off,
    },
    organization: explicit(null, src),
    trailLogGroups: explicit([], src),
    monitoredPatterns: explicit([], src),
    regions: ['us-east-1', 'eu-west-1'].map((name) =>
      region(name, {
        ebsEncryptionByDefault: off,
        configRecorder: explicit(null, src),
        guardDutyEnabled: off,
        securityHubEnabled: off,
        accessAnalyzerActive: off,
        publicAmiIds: explicit(['ami-0123'], src),
        publicSnapshotIds: explicit(['snap-0123'], src),
        publicRdsSnapshotIds: explicit(['db-snap-1'], src),
        certificates: explicit(
          [
            {
              arn: 'arn:aws:acm:x:1:certificate/b',
              domain: 'old.example.com',
              notAfter: daysAhead(5),
              inUse: true,
            },
          ],
          src,
        ),
        backupPlanCount: explicit(0, src),
        backupSelectionCount: explicit(0, src),
        patchNonCompliantInstanceIds: explicit(['i-0bad'], src),
        patchCompliantInstanceIds: explicit([], src),
      }),
    ),
  });
}

/** An account whose every value is unknown: every account check must answer UNKNOWN, never FAIL. */
export function unknownAccount(): AwsAccount {
  const u = unknown('ec2:GetEbsEncryptionByDefault access denied (AccessDenied)', { api: 'test' });
  return goodAccount({ ...unknownAccountFacts(u), regions: [unknownRegion('us-east-1', u)] });
}

function recording<T extends object>(target: T, seen: Set<string>, skip: ReadonlySet<string>): T {
  return new Proxy(target, {
    get(t, property, receiver) {
      if (typeof property === 'string' && !skip.has(property)) seen.add(property);
      return Reflect.get(t, property, receiver);
    },
  });
}

/**
 * Records the account fields an evaluation reads, looking inside `regions` so that a regional
 * field (`guardDutyEnabled`) is recorded by its own name: that is the name collectors are asked
 * about (`ctx.wants('AWS::Account', 'guardDutyEnabled')`), while `regions` itself costs no call.
 */
export function recordAccountReads(account: AwsAccount, seen: Set<string>): AwsAccount {
  const regions = account.regions.map((r) => recording(r, seen, new Set(['region'])));
  return recording({ ...account, regions }, seen, new Set([...BASE_FIELDS, 'regions']));
}
