import { cannotTell, defineCheck } from '../check.js';
import { exposureOf, judgeGrants } from './resource-exposure.js';

export const iamRoleTrustNotPublic = defineCheck({
  id: 'iam-role-trust-not-public',
  title: 'IAM role trust policies do not let anyone assume the role',
  severity: 'critical',
  area: 'iam.resource-policy',
  rationale:
    'A trust policy with Principal "*" lets any AWS account in the world call sts:AssumeRole and act with the ' +
    "role's permissions. Likewise, trusting a web identity provider (an OIDC provider such as GitHub, or Cognito) " +
    'without conditions on the token admits every identity that provider issues. The trust policy is evaluated ' +
    'for a stranger: conditions on aws:PrincipalOrgID, aws:PrincipalAccount, aws:SourceIp, sts:ExternalId or the ' +
    "token claims keep them out; IfExists forms and wildcards do not. Who may assume a role is the customer's decision alone.",
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
  evaluate: (role, context) => {
    const found = exposureOf(role, context);
    if (!found) return [];
    const { exposure } = found;
    const src = role.assumeRolePolicy.source;
    if (exposure.unknownPolicy)
      return cannotTell(`role ${role.name}: trust policy unknown: ${exposure.unknownPolicy}`, src);
    return judgeGrants(exposure.public, src, {
      sure: `role ${role.name} can be assumed by anyone`,
      maybe: `role ${role.name} may be assumable by anyone`,
      none: `role ${role.name} trusts only named principals, services or conditioned callers`,
    });
  },
});
