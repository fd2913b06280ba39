import {
  GenerateCredentialReportCommand,
  GetAccountAuthorizationDetailsCommand,
  type GetAccountAuthorizationDetailsCommandOutput,
  GetAccountPasswordPolicyCommand,
  GetAccountSummaryCommand,
  GetCredentialReportCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  IAMClient,
} from '@aws-sdk/client-iam';
import { parsePolicyDocument } from '../../../model/parse-policy.js';
import type { PolicyDocument } from '../../../model/policy.js';
import type {
  CredentialReportRow,
  IamManagedPolicy,
  IamRole,
  IamUser,
  InlinePolicy,
} from '../../../model/resources/index.js';
import { explicit, type SourceRef, unknown, type Value } from '../../../model/value.js';
import type { CollectContext, Collector } from '../collector.js';
import { parseCredentialReport } from './credential-report.js';

type Details = Required<
  Pick<
    GetAccountAuthorizationDetailsCommandOutput,
    'UserDetailList' | 'RoleDetailList' | 'GroupDetailList' | 'Policies'
  >
>;

const AUTH = 'iam:GetAccountAuthorizationDetails';
const REPORT = 'iam:GetCredentialReport';
/** Model fields of roles, users and managed policies that GetAccountAuthorizationDetails fills. */
const AUTHORIZATION_FIELDS = [
  'roleName',
  'assumeRolePolicy',
  'inlinePolicies',
  'managedPolicyArns',
  'permissionsBoundary',
  'lastUsed',
  'userName',
  'groups',
  'groupName',
  'createdAt',
  'policyName',
  'document',
  'attachedRoles',
  'attachedUsers',
  'attachedGroups',
  'awsManaged',
];
const REPORT_FIELDS = [
  'consoleAccess',
  'mfaDeviceCount',
  'accessKeys',
  'passwordLastUsed',
  'credentialReport',
  'rootLastUsed',
];

/** Policy documents come URL-encoded from IAM. */
function decodePolicy(text: string | undefined, api: string, arn: string): Value<PolicyDocument> {
  const src: SourceRef = { arn, api };
  if (!text) return unknown('no policy document returned', src);
  try {
    return explicit(parsePolicyDocument(decodeURIComponent(text)), src);
  } catch {
    return explicit(parsePolicyDocument(text), src);
  }
}

async function readAuthorizationDetails(ctx: CollectContext, iam: IAMClient): Promise<Details> {
  const out: Details = { UserDetailList: [], RoleDetailList: [], GroupDetailList: [], Policies: [] };
  let marker: string | undefined;
  do {
    const page = await iam.send(
      new GetAccountAuthorizationDetailsCommand({
        Filter: ['User', 'Role', 'Group', 'LocalManagedPolicy'],
        MaxItems: 1000,
        Marker: marker,
      }),
    );
    out.UserDetailList.push(...(page.UserDetailList ?? []));
    out.RoleDetailList.push(...(page.RoleDetailList ?? []));
    out.GroupDetailList.push(...(page.GroupDetailList ?? []));
    out.Policies.push(...(page.Policies ?? []));
    marker = page.IsTruncated ? page.Marker : undefined;
  } while (marker);
  void ctx;
  return out;
}

async function readCredentialReport(iam: IAMClient): Promise<CredentialReportRow[]> {
  // The report is generated asynchronously; AWS answers STARTED/INPROGRESS until it is ready.
  for (let attempt = 0; attempt < 15; attempt++) {
    const state = await iam.send(new GenerateCredentialReportCommand({}));
    if (state.State === 'COMPLETE') break;
    await new Promise((r) => setTimeout(r, Math.min(500 * 2 ** attempt, 4000)));
  }
  const report = await iam.send(new GetCredentialReportCommand({}));
  const content = report.Content ? new TextDecoder().decode(report.Content) : '';
  return parseCredentialReport(content);
}

/** AWS managed policies that principals use, fetched one by one (IAM has no batch call for them). */
async function readAwsManagedPolicies(
  ctx: CollectContext,
  iam: IAMClient,
  arns: Set<string>,
): Promise<IamManagedPolicy[]> {
  const out: IamManagedPolicy[] = [];
  for (const arn of arns) {
    try {
      const policy = (await iam.send(new GetPolicyCommand({ PolicyArn: arn }))).Policy;
      const version = await iam.send(
        new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: policy?.DefaultVersionId }),
      );
      const name = policy?.PolicyName ?? arn.split('/').pop() ?? arn;
      out.push({
        type: 'AWS::IAM::ManagedPolicy',
        id: arn,
        arn,
        name,
        account: ctx.accountId,
        source: { arn, api: 'iam:GetPolicy' },
        policyName: explicit(name, { arn, api: 'iam:GetPolicy' }),
        document: decodePolicy(version.PolicyVersion?.Document, 'iam:GetPolicyVersion', arn),
        attachedRoles: [],
        attachedUsers: [],
        attachedGroups: [],
        awsManaged: true,
      });
    } catch (error) {
      ctx.builder.fail('iam:GetPolicyVersion', error, arn);
    }
  }
  return out;
}

function inlinePolicies(
  list: Array<{ PolicyName?: string; PolicyDocument?: string }> | undefined,
  arn: string,
): InlinePolicy[] {
  return (list ?? []).map((p) => ({
    name: p.PolicyName ?? 'inline',
    document: decodePolicy(p.PolicyDocument, AUTH, arn),
    source: { arn, api: AUTH },
  }));
}

export const iamCollector: Collector = {
  id: 'iam',
  scope: 'global',
  produces: [
    'AWS::IAM::Role',
    'AWS::IAM::User',
    'AWS::IAM::Group',
    'AWS::IAM::ManagedPolicy',
    'AWS::Account',
  ],
  operations: {
    // One paginated call returns every role, user, group and customer managed policy.
    'iam:GetAccountAuthorizationDetails': { fields: [...AUTHORIZATION_FIELDS, 'supportRoleExists'] },
    'iam:GenerateCredentialReport': { fields: REPORT_FIELDS },
    'iam:GetCredentialReport': { fields: REPORT_FIELDS },
    'iam:GetAccountSummary': { fields: ['rootMfaEnabled', 'rootAccessKeysPresent'] },
    'iam:GetAccountPasswordPolicy': { fields: ['passwordPolicy'] },
    'iam:GetPolicy': { fields: ['document'] },
    'iam:GetPolicyVersion': { fields: ['document'] },
  },
  async collect(ctx) {
    const iam = ctx.session.client(IAMClient, ctx.region);
    const account = ctx.builder.account;
    const wantsAccount = (field: string) => ctx.wants('AWS::Account', field);
    const wantsUsers = ctx.wants('AWS::IAM::User');
    const needsDetails =
      ctx.wants('AWS::IAM::Role') ||
      wantsUsers ||
      ctx.wants('AWS::IAM::Group') ||
      ctx.wants('AWS::IAM::ManagedPolicy') ||
      wantsAccount('supportRoleExists');

    let report: Value<CredentialReportRow[]> = unknown('not collected (no selected check needs it)', {
      api: REPORT,
    });
    const reportFields = ['consoleAccess', 'mfaDeviceCount', 'accessKeys', 'passwordLastUsed'];
    if (
      reportFields.some((f) => ctx.wants('AWS::IAM::User', f)) ||
      wantsAccount('credentialReport') ||
      wantsAccount('rootLastUsed')
    ) {
      try {
        report = explicit(await readCredentialReport(iam), { api: REPORT });
      } catch (error) {
        report = unknown(ctx.builder.fail(REPORT, error), { api: REPORT });
      }
      account.credentialReport = report;
      const root = report.known ? report.value.find((r) => r.user === '<root_account>') : undefined;
      if (report.known) {
        const uses = [root?.passwordLastUsed, ...(root?.accessKeys.map((k) => k.lastUsed) ?? [])].filter(
          (d): d is string => !!d,
        );
        account.rootLastUsed = explicit(uses.sort().at(-1) ?? null, { api: REPORT });
      } else account.rootLastUsed = report;
    }
    if (wantsAccount('rootMfaEnabled') || wantsAccount('rootAccessKeysPresent')) {
      try {
        const summary = (await iam.send(new GetAccountSummaryCommand({}))).SummaryMap ?? {};
        const src = { api: 'iam:GetAccountSummary' };
        account.rootMfaEnabled = explicit(summary.AccountMFAEnabled === 1, src);
        account.rootAccessKeysPresent = explicit((summary.AccountAccessKeysPresent ?? 0) > 0, src);
      } catch (error) {
        const reason = ctx.builder.fail('iam:GetAccountSummary', error);
        account.rootMfaEnabled = unknown(reason, { api: 'iam:GetAccountSummary' });
        account.rootAccessKeysPresent = account.rootMfaEnabled;
      }
    }
    if (wantsAccount('passwordPolicy')) {
      const src = { api: 'iam:GetAccountPasswordPolicy' };
      try {
        const p = (await iam.send(new GetAccountPasswordPolicyCommand({}))).PasswordPolicy;
        account.passwordPolicy = explicit(
          p
            ? {
                minimumLength: p.MinimumPasswordLength ?? 8,
                requireSymbols: p.RequireSymbols ?? false,
                requireNumbers: p.RequireNumbers ?? false,
                requireUppercase: p.RequireUppercaseCharacters ?? false,
                requireLowercase: p.RequireLowercaseCharacters ?? false,
                reusePrevention: p.PasswordReusePrevention ?? 0,
                maxAgeDays: p.MaxPasswordAge ?? null,
              }
            : null,
          src,
        );
      } catch (error) {
        // NoSuchEntity is IAM's way of saying "no custom policy": a fact, not a failure.
        if (
          (error as { name?: string }).name === 'NoSuchEntityException' ||
          (error as { name?: string }).name === 'NoSuchEntity'
        ) {
          account.passwordPolicy = explicit(null, src);
        } else account.passwordPolicy = unknown(ctx.builder.fail('iam:GetAccountPasswordPolicy', error), src);
      }
    }
    if (!needsDetails) return;

    let details: Details;
    try {
      details = await readAuthorizationDetails(ctx, iam);
    } catch (error) {
      const reason = ctx.builder.fail(AUTH, error);
      account.supportRoleExists = unknown(reason, { api: AUTH });
      return;
    }
    const byUser = new Map((report.known ? report.value : []).map((row) => [row.arn, row]));
    const awsManagedInUse = new Set<string>();
    const attach = new Map<string, { roles: string[]; users: string[]; groups: string[] }>();
    const noteAttachment = (policyArn: string, kind: 'roles' | 'users' | 'groups', name: string) => {
      if (policyArn.includes(':iam::aws:policy/')) awsManagedInUse.add(policyArn);
      const entry = attach.get(policyArn) ?? { roles: [], users: [], groups: [] };
      entry[kind].push(name);
      attach.set(policyArn, entry);
    };

    for (const role of details.RoleDetailList) {
      const arn = role.Arn ?? '';
      const src: SourceRef = { arn, api: AUTH };
      for (const p of role.AttachedManagedPolicies ?? [])
        if (p.PolicyArn) noteAttachment(p.PolicyArn, 'roles', role.RoleName ?? '');
      const resource: IamRole = {
        type: 'AWS::IAM::Role',
        id: arn,
        arn,
        name: role.RoleName ?? arn,
        account: ctx.accountId,
        source: src,
        roleName: explicit(role.RoleName ?? '', src),
        assumeRolePolicy: decodePolicy(role.AssumeRolePolicyDocument, AUTH, arn),
        inlinePolicies: inlinePolicies(role.RolePolicyList, arn),
        managedPolicyArns: (role.AttachedManagedPolicies ?? []).map((p) => explicit(p.PolicyArn ?? '', src)),
        permissionsBoundary: explicit(role.PermissionsBoundary?.PermissionsBoundaryArn ?? null, src),
        maxSessionDuration: unknown('not returned by GetAccountAuthorizationDetails', src),
        lastUsed: explicit(role.RoleLastUsed?.LastUsedDate?.toISOString() ?? null, src),
        ...(role.CreateDate ? { createdAt: explicit(role.CreateDate.toISOString(), src) } : {}),
      };
      if (ctx.wants('AWS::IAM::Role')) ctx.builder.add(resource);
    }
    account.supportRoleExists = explicit(
      details.RoleDetailList.some((r) =>
        (r.AttachedManagedPolicies ?? []).some((p) => p.PolicyArn?.endsWith(':policy/AWSSupportAccess')),
      ),
      { api: AUTH },
    );

    const groupPolicies = new Map(details.GroupDetailList.map((g) => [g.GroupName ?? '', g]));
    for (const group of details.GroupDetailList) {
      for (const p of group.AttachedManagedPolicies ?? [])
        if (p.PolicyArn) noteAttachment(p.PolicyArn, 'groups', group.GroupName ?? '');
    }
    for (const user of details.UserDetailList) {
      const arn = user.Arn ?? '';
      const src: SourceRef = { arn, api: AUTH };
      const reportSrc: SourceRef = { arn, api: REPORT };
      const row = byUser.get(arn);
      const fromReport = <T>(pick: (r: CredentialReportRow) => T): Value<T> =>
        !report.known
          ? unknown(report.reason, reportSrc)
          : row
            ? explicit(pick(row), reportSrc)
            : unknown('not in the credential report yet (created after it was generated)', reportSrc);
      for (const p of user.AttachedManagedPolicies ?? [])
        if (p.PolicyArn) noteAttachment(p.PolicyArn, 'users', user.UserName ?? '');
      const resource: IamUser = {
        type: 'AWS::IAM::User',
        id: arn,
        arn,
        name: user.UserName ?? arn,
        account: ctx.accountId,
        source: src,
        userName: explicit(user.UserName ?? '', src),
        inlinePolicies: inlinePolicies(user.UserPolicyList, arn),
        managedPolicyArns: (user.AttachedManagedPolicies ?? []).map((p) => explicit(p.PolicyArn ?? '', src)),
        permissionsBoundary: explicit(user.PermissionsBoundary?.PermissionsBoundaryArn ?? null, src),
        groups: (user.GroupList ?? []).filter((g) => groupPolicies.has(g)).map((g) => explicit(g, src)),
        consoleAccess: fromReport((r) => r.passwordEnabled),
        mfaDeviceCount: fromReport((r) => (r.mfaActive ? 1 : 0)),
        accessKeys: fromReport((r) =>
          r.accessKeys.map((k, i) => ({
            id: `key ${i + 1}`,
            active: k.active,
            createdAt: k.lastRotated ?? undefined,
            lastUsedAt: k.lastUsed,
          })),
        ),
        passwordLastUsed: fromReport((r) => r.passwordLastUsed),
      };
      if (wantsUsers) ctx.builder.add(resource);
    }

    if (!ctx.wants('AWS::IAM::ManagedPolicy')) return;
    for (const policy of details.Policies) {
      const arn = policy.Arn ?? '';
      const src: SourceRef = { arn, api: AUTH };
      const version = (policy.PolicyVersionList ?? []).find((v) => v.IsDefaultVersion);
      const attached = attach.get(arn) ?? { roles: [], users: [], groups: [] };
      ctx.builder.add({
        type: 'AWS::IAM::ManagedPolicy',
        id: arn,
        arn,
        name: policy.PolicyName ?? arn,
        account: ctx.accountId,
        source: src,
        policyName: explicit(policy.PolicyName ?? '', src),
        document: decodePolicy(version?.Document, AUTH, arn),
        attachedRoles: attached.roles.map((n) => explicit(n, src)),
        attachedUsers: attached.users.map((n) => explicit(n, src)),
        attachedGroups: attached.groups.map((n) => explicit(n, src)),
        awsManaged: false,
      });
    }
    for (const policy of await readAwsManagedPolicies(ctx, iam, awsManagedInUse)) {
      const attached = attach.get(policy.id) ?? { roles: [], users: [], groups: [] };
      policy.attachedRoles = attached.roles.map((n) => explicit(n, policy.source));
      policy.attachedUsers = attached.users.map((n) => explicit(n, policy.source));
      policy.attachedGroups = attached.groups.map((n) => explicit(n, policy.source));
      ctx.builder.add(policy);
    }
  },
};
