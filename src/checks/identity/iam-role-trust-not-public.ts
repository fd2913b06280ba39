import type { PolicyStatement } from '../../model/policy.js';
import { isUnresolvedToken } from '../../model/policy.js';
import { cannotTell, defineCheck, fail, pass } from '../check.js';
import { judgeFor } from '../data/wording.js';
import { describeStatement, principalIsEveryone, trustRestriction } from '../policy-helpers.js';

/** Web identity providers whose tokens anyone can obtain; a trust without conditions admits them all. */
function isOpenWebIdentity(federated: string): boolean {
  const known = [
    'cognito-identity.amazonaws.com',
    'accounts.google.com',
    'graph.facebook.com',
    'www.amazon.com',
  ];
  return known.includes(federated.toLowerCase()) || federated.includes(':oidc-provider/');
}

type Trust = { status: 'public' | 'unknown'; why: string } | undefined;

function assessStatement(statement: PolicyStatement): Trust {
  if (statement.effect !== 'Allow') return undefined;
  const where = describeStatement(statement);
  const principal = statement.principal;
  const restriction = trustRestriction(statement);
  if (principalIsEveryone(principal)) {
    if (restriction === 'restricted') return undefined;
    if (restriction === 'unknown')
      return { status: 'unknown', why: `${where} trusts "*" under a condition known only at deploy time` };
    return {
      status: 'public',
      why: `${where} trusts Principal "*" with no organization, account, source or external-id condition`,
    };
  }
  if (principal === undefined || principal === '*') return undefined;
  const aws = principal.AWS ?? [];
  if (aws.some(isUnresolvedToken) && restriction !== 'restricted') {
    return { status: 'unknown', why: `${where} trusts an AWS principal known only at deploy time` };
  }
  const open = (principal.Federated ?? []).filter(isOpenWebIdentity);
  if (open.length > 0 && Object.keys(statement.condition ?? {}).length === 0) {
    return {
      status: 'public',
      why: `${where} trusts web identity provider ${open.join(', ')} with no condition on the token`,
    };
  }
  return undefined;
}

export const iamRoleTrustNotPublic = defineCheck({
  id: 'iam-role-trust-not-public',
  title: 'IAM role trust policies do not let anyone assume the role',
  severity: 'critical',
  area: 'iam.resource-policy',
  rationale:
    'A trust policy with Principal "*" lets any AWS account in the world call sts:AssumeRole and act with the ' +
    "role's permissions. Likewise, trusting a web identity provider (an OIDC provider such as GitHub, or Cognito) " +
    'without conditions on the token admits every identity that provider issues. Who may assume a role is the ' +
    "customer's decision alone.",
  remediation: {
    text:
      'Name the trusted accounts or roles as principals, or keep "*" only with a condition such as ' +
      'aws:PrincipalOrgID, aws:PrincipalAccount or sts:ExternalId; for OIDC providers, require the aud and sub claims.',
    cloudformation: `PartnerRole:
  Type: AWS::IAM::Role
  Properties:
    AssumeRolePolicyDocument:
      Version: '2012-10-17'
      Statement:
        - Effect: Allow
          Principal:
            AWS: '*'
          Action: sts:AssumeRole
          Condition:
            StringEquals:
              aws:PrincipalOrgID: o-a1b2c3d4e5`,
  },
  frameworks: {
    nist80053: ['AC-3', 'AC-6'],
    iso27001: ['A.5.15'],
    soc2: ['CC6.1'],
  },
  resourceTypes: ['AWS::IAM::Role'],
  reads: ['assumeRolePolicy'],
  evaluate: (role) =>
    judgeFor(`role ${role.name}: trust policy`, role.assumeRolePolicy, (doc) => {
      const verdicts = doc.statements.map(assessStatement).filter((t) => t !== undefined);
      const open = verdicts.filter((t) => t.status === 'public').map((t) => t.why);
      const doubts = verdicts.filter((t) => t.status === 'unknown').map((t) => t.why);
      if (open.length > 0) return fail(`role ${role.name} can be assumed by anyone: ${open.join('; ')}`);
      if (doubts.length > 0)
        return cannotTell(`role ${role.name} may be assumable by anyone: ${doubts.join('; ')}`);
      return pass(`role ${role.name} trusts only named principals, services or conditioned callers`);
    }),
});
