import { describe, expect, it } from 'vitest';
import type { MonitoredPattern } from '../../model/resources/index.js';
import { explicit, unknown } from '../../model/value.js';
import data from './cis-monitoring.json' with { type: 'json' };
import { compileFilterPattern } from './filter-pattern.js';
import { judgeMonitoring } from './monitoring-checks.js';
import {
  catchesOf,
  filterPatternOf,
  MONITORING,
  monitoringDataSchema,
  routineOf,
} from './monitoring-data.js';
import { goodAccount } from './test-accounts.js';

/**
 * Filter patterns as CIS publishes them (v4.0.1 and the older wording some accounts still carry),
 * with their original spacing and quoting: each must pass its recommendation.
 */
const CIS_REFERENCE: Record<string, string[]> = {
  '4.1': [
    '{($.errorCode ="*UnauthorizedOperation") || ($.errorCode ="AccessDenied*") && ($.sourceIPAddress!="delivery.logs.amazonaws.com") && ($.eventName!="HeadBucket")}',
    '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") }',
  ],
  '4.2': [
    '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }',
    '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") && ($.userIdentity.type = "IAMUser") && ($.responseElements.ConsoleLogin = "Success") }',
  ],
  '4.3': [
    '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }',
  ],
  '4.4': [
    '{($.eventName=DeleteGroupPolicy)||($.eventName=DeleteRolePolicy)||($.eventName=DeleteUserPolicy)||($.eventName=PutGroupPolicy)||($.eventName=PutRolePolicy)||($.eventName=PutUserPolicy)||($.eventName=CreatePolicy)||($.eventName=DeletePolicy)||($.eventName=CreatePolicyVersion)||($.eventName=DeletePolicyVersion)||($.eventName=AttachRolePolicy)||($.eventName=DetachRolePolicy)||($.eventName=AttachUserPolicy)||($.eventName=DetachUserPolicy)||($.eventName=AttachGroupPolicy)||($.eventName=DetachGroupPolicy)}',
  ],
  '4.5': [
    '{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging) }',
  ],
  '4.6': ['{ ($.eventName = ConsoleLogin) && ($.errorMessage = "Failed authentication") }'],
  '4.7': [
    '{($.eventSource = kms.amazonaws.com) && (($.eventName=DisableKey)||($.eventName=ScheduleKeyDeletion)) }',
  ],
  '4.8': [
    '{ ($.eventSource = s3.amazonaws.com) && (($.eventName = PutBucketAcl) || ($.eventName = PutBucketPolicy) || ($.eventName = PutBucketCors) || ($.eventName = PutBucketLifecycle) || ($.eventName = PutBucketReplication) || ($.eventName = DeleteBucketPolicy) || ($.eventName = DeleteBucketCors) || ($.eventName = DeleteBucketLifecycle) || ($.eventName = DeleteBucketReplication)) }',
  ],
  '4.9': [
    '{ ($.eventSource = config.amazonaws.com) && (($.eventName=StopConfigurationRecorder)||($.eventName=DeleteDeliveryChannel) ||($.eventName=PutDeliveryChannel)||($.eventName=PutConfigurationRecorder)) }',
  ],
  '4.10': [
    '{ ($.eventName = AuthorizeSecurityGroupIngress) || ($.eventName = AuthorizeSecurityGroupEgress) || ($.eventName = RevokeSecurityGroupIngress) || ($.eventName = RevokeSecurityGroupEgress) || ($.eventName = CreateSecurityGroup) || ($.eventName = DeleteSecurityGroup) }',
  ],
  '4.11': [
    '{ ($.eventName = CreateNetworkAcl) || ($.eventName = CreateNetworkAclEntry) || ($.eventName = DeleteNetworkAcl) || ($.eventName = DeleteNetworkAclEntry) || ($.eventName = ReplaceNetworkAclEntry) || ($.eventName = ReplaceNetworkAclAssociation) }',
  ],
  '4.12': [
    '{ ($.eventName = CreateCustomerGateway) || ($.eventName = DeleteCustomerGateway) || ($.eventName = AttachInternetGateway) || ($.eventName = CreateInternetGateway) || ($.eventName = DeleteInternetGateway) || ($.eventName = DetachInternetGateway) }',
  ],
  '4.13': [
    '{($.eventSource = ec2.amazonaws.com) && (($.eventName = CreateRoute) || ($.eventName = CreateRouteTable) || ($.eventName = ReplaceRoute) || ($.eventName = ReplaceRouteTableAssociation) || ($.eventName = DeleteRouteTable) || ($.eventName = DeleteRoute) || ($.eventName = DisassociateRouteTable)) }',
    '{ ($.eventName = CreateRoute) || ($.eventName = CreateRouteTable) || ($.eventName = ReplaceRoute) || ($.eventName = ReplaceRouteTableAssociation) || ($.eventName = DeleteRouteTable) || ($.eventName = DeleteRoute) || ($.eventName = DisassociateRouteTable) }',
  ],
  '4.14': [
    '{ ($.eventName = CreateVpc) || ($.eventName = DeleteVpc) || ($.eventName = ModifyVpcAttribute) || ($.eventName = AcceptVpcPeeringConnection) || ($.eventName = CreateVpcPeeringConnection) || ($.eventName = DeleteVpcPeeringConnection) || ($.eventName = RejectVpcPeeringConnection) || ($.eventName = AttachClassicLinkVpc) || ($.eventName = DetachClassicLinkVpc) || ($.eventName = DisableVpcClassicLink) || ($.eventName = EnableVpcClassicLink) }',
  ],
  '4.15': [
    '{ ($.eventSource = organizations.amazonaws.com) && (($.eventName = "AcceptHandshake") || ($.eventName = "AttachPolicy") || ($.eventName = "CreateAccount") || ($.eventName = "CreateOrganizationalUnit") || ($.eventName = "CreatePolicy") || ($.eventName = "DeclineHandshake") || ($.eventName = "DeleteOrganization") || ($.eventName = "DeleteOrganizationalUnit") || ($.eventName = "DeletePolicy") || ($.eventName = "DetachPolicy") || ($.eventName = "DisablePolicyType") || ($.eventName = "EnablePolicyType") || ($.eventName = "InviteAccountToOrganization") || ($.eventName = "LeaveOrganization") || ($.eventName = "MoveAccount") || ($.eventName = "RemoveAccountFromOrganization") || ($.eventName = "UpdatePolicy") || ($.eventName = "UpdateOrganizationalUnit")) }',
  ],
};

const rec = (cis: string) => {
  const found = MONITORING.recommendations.find((r) => r.cis === cis);
  if (!found) throw new Error(`no ${cis}`);
  return found;
};

function verdictFor(cis: string, patterns: Array<Partial<MonitoredPattern> & { pattern: string }>) {
  const r = rec(cis);
  const monitored = patterns.map((p, i) => ({
    logGroupName: 'trail-logs',
    filterName: `f${i}`,
    alarmsWithSubscribers: [`a${i}`],
    alarmsWithoutSubscribers: [],
    ...p,
  }));
  const account = goodAccount({ monitoredPatterns: explicit(monitored, { api: 'test' }) });
  return judgeMonitoring(account, r, catchesOf(r), routineOf());
}

describe('cis-monitoring.json', () => {
  it('matches its schema and covers CIS 4.1 to 4.15 once each', () => {
    expect(monitoringDataSchema.safeParse(data).success).toBe(true);
    expect(MONITORING.recommendations.map((r) => r.cis)).toEqual(
      Array.from({ length: 15 }, (_, i) => `4.${i + 1}`),
    );
    expect(new Set(MONITORING.recommendations.map((r) => r.checkId)).size).toBe(15);
  });

  it('gives each recommendation samples, and its own remediation pattern catches them all and not the routine call', () => {
    for (const r of MONITORING.recommendations) {
      const match = compileFilterPattern(filterPatternOf(r));
      expect(match, r.cis).toBeDefined();
      expect(catchesOf(r).length, r.cis).toBeGreaterThan(0);
      for (const s of catchesOf(r)) expect(match?.(s.event), `${r.cis}: ${s.label}`).toBe(true);
      expect(match?.(routineOf().event), r.cis).toBe(false);
    }
  });
});

describe('CIS 4.x metric filters are judged by what they catch', () => {
  for (const [cis, patterns] of Object.entries(CIS_REFERENCE)) {
    it(`${cis}: the CIS reference patterns pass`, () => {
      for (const pattern of patterns) expect(verdictFor(cis, [{ pattern }]).status, pattern).toBe('PASS');
    });
  }

  it('accepts equivalents: wildcards, regular expressions, other spacing, order and quoting', () => {
    expect(
      verdictFor('4.10', [
        { pattern: '{ ($.eventSource = "ec2.amazonaws.com") && ($.eventName = "*SecurityGroup*") }' },
      ]).status,
    ).toBe('PASS');
    expect(verdictFor('4.13', [{ pattern: '{$.eventName=%Route%}' }]).status).toBe('PASS');
    expect(
      verdictFor('4.7', [
        { pattern: '{\n  ($.eventName = "ScheduleKeyDeletion")\n  ||\n  ($.eventName = "DisableKey")\n}' },
      ]).status,
    ).toBe('PASS');
  });

  it('lets several alarmed filters share one recommendation', () => {
    const split = [
      {
        pattern:
          '{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) }',
      },
      { pattern: '{ ($.eventName = StartLogging) || ($.eventName = StopLogging) }' },
    ];
    expect(verdictFor('4.5', split).status).toBe('PASS');
  });

  it('names the events a partial filter misses', () => {
    const v = verdictFor('4.5', [
      { pattern: '{ ($.eventName = CreateTrail) || ($.eventName = DeleteTrail) }' },
    ]);
    expect(v.status).toBe('FAIL');
    expect(v.message).toContain('UpdateTrail');
    expect(v.message).toContain('StopLogging');
    expect(v.message).not.toContain('CreateTrail,');
  });

  it('does not count a filter whose alarm reaches nobody, and says so', () => {
    const v = verdictFor('4.3', [
      {
        pattern: CIS_REFERENCE['4.3']?.[0] ?? '',
        alarmsWithSubscribers: [],
        alarmsWithoutSubscribers: ['root-alarm'],
      },
    ]);
    expect(v.status).toBe('FAIL');
    expect(v.message).toContain('root-alarm reaches nobody');
  });

  it('does not count a filter that matches routine calls too (its alarm would fire all day)', () => {
    // The "||" throughout turns the exclusions into "anything but HeadBucket".
    const v = verdictFor('4.1', [
      {
        pattern:
          '{ ($.errorCode = "UnauthorizedOperation") || ($.errorCode = "AccessDenied") || ($.sourceIPAddress!="delivery.logs.amazonaws.com") || ($.eventName!="HeadBucket") }',
      },
    ]);
    expect(v.status).toBe('FAIL');
    expect(v.message).toContain('also matches a routine read call');
    expect(verdictFor('4.4', [{ pattern: '{ $.eventName = * }' }]).status).toBe('FAIL');
  });

  it('fails with the reason when no trail feeds CloudWatch Logs, and is UNKNOWN when that could not be read', () => {
    const r = rec('4.4');
    const none = goodAccount({ trailLogGroups: explicit([], { api: 'test' }) });
    const v = judgeMonitoring(none, r, catchesOf(r), routineOf());
    expect(v.status).toBe('FAIL');
    expect(v.message).toContain('no multi-region trail');
    const elsewhere = goodAccount({
      trailLogGroups: explicit([], { api: 'test' }),
      monitoredPatterns: unknown('the trails deliver to CloudWatch Logs in another account (999988887777)', {
        api: 'test',
      }),
    });
    const u = judgeMonitoring(elsewhere, r, catchesOf(r), routineOf());
    expect(u.status).toBe('UNKNOWN');
    expect(u.message).toContain('another account');
  });
});

describe('the filter pattern evaluator', () => {
  const event = {
    eventName: 'X',
    count: 5,
    flag: true,
    nothing: null,
    list: [{ name: 'first' }],
    text: 'say "hi"',
  };
  const matches = (pattern: string) => compileFilterPattern(pattern)?.(event);
  it('follows CloudWatch operators', () => {
    expect(matches('{ $.count > 4 && $.count <= 5 }')).toBe(true);
    expect(matches('{ $.count != 5 }')).toBe(false);
    expect(matches('{ $.flag IS TRUE }')).toBe(true);
    expect(matches('{ $.nothing IS NULL }')).toBe(true);
    expect(matches('{ $.missing NOT EXISTS }')).toBe(true);
    expect(matches('{ $.missing != "X" }')).toBe(false);
    expect(matches('{ $.list[0].name = "first" }')).toBe(true);
    expect(matches('{ $.text = "say \\"hi\\"" }')).toBe(true);
  });
  it('binds && tighter than ||, and parentheses group', () => {
    expect(matches('{ $.eventName = "X" || $.eventName = "Y" && $.count = 0 }')).toBe(true);
    expect(matches('{ ($.eventName = "X" || $.eventName = "Y") && $.count = 0 }')).toBe(false);
  });
  it('rejects what is not a JSON filter pattern', () => {
    expect(compileFilterPattern('"ERROR"')).toBeUndefined();
    expect(compileFilterPattern('{ $.a = }')).toBeUndefined();
    expect(compileFilterPattern('{ ($.a = 1 }')).toBeUndefined();
    expect(compileFilterPattern('[ip, user, ...]')).toBeUndefined();
  });
});
