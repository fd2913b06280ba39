import { cannotTell, defineCheck } from '../check.js';
import { exposureOf, judgeGrants } from './resource-exposure.js';

export const iamRoleTrustExternalAccount = defineCheck({
  id: 'iam-role-trust-external-account',
  title: 'IAM roles are not assumable from accounts outside the organization',
  severity: 'medium',
  area: 'iam.resource-policy',
  rationale:
    'A role that trusts another account hands its permissions to whoever that account lets call sts:AssumeRole: ' +
    "the other account's own policies, people and breaches decide. Trust outside the organization should be " +
    'deliberate, few, and pinned with sts:ExternalId (for vendors) or conditions on the calling principal.',
  remediation: {
    text:
      'Remove trust in accounts you do not control, or confine it: name the exact role rather than the account ' +
      'root, and require sts:ExternalId for third parties. Inside an organization, prefer aws:PrincipalOrgID.',
    cloudformation: `VendorRole:
  Type: AWS::IAM::Role
  Properties:
    AssumeRolePolicyDocument:
      Version: '2012-10-17'
      Statement:
        - Effect: Allow
          Principal:
            AWS: arn:aws:iam::111122223333:role/VendorScanner
          Action: sts:AssumeRole
          Condition:
            StringEquals:
              sts:ExternalId: 7d9f1c2e-vendor-assigned`,
  },
  frameworks: {
    nist80053: ['AC-3', 'AC-21'],
    iso27001: ['A.5.15', 'A.5.23'],
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
    const accounts = exposure.outside.filter((g) => g.kind === 'account');
    return judgeGrants(accounts, src, {
      sure: `role ${role.name} is assumable from outside the organization`,
      maybe: `role ${role.name} may be assumable from outside the organization`,
      none: `role ${role.name} trusts no account outside the organization`,
    });
  },
});
