import { cannotTell, defineCheck, fail, pass } from '../check.js';
import { noTemplate } from './account-helpers.js';

const SETTINGS = [
  'blockPublicAcls',
  'ignorePublicAcls',
  'blockPublicPolicy',
  'restrictPublicBuckets',
] as const;

export const s3AccountPublicAccessBlock = defineCheck({
  id: 's3-account-public-access-block',
  title: 'S3 Block Public Access is on for the whole account',
  severity: 'high',
  area: 'iam.resource-policy',
  rationale:
    'The account-level Block Public Access settings override every bucket and access point, present and ' +
    'future, so one careless bucket policy or ACL cannot publish data. AWS turns them on for new buckets, not ' +
    "for the account; that switch is the customer's.",
  remediation: {
    text: 'Turn on all four Block Public Access settings for the account (S3 console → Block Public Access settings for this account); serve public content through CloudFront instead.',
    cloudformation: noTemplate(
      'aws s3control put-public-access-block --account-id <id> --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true',
    ),
  },
  frameworks: {
    cis: ['2.1.4'],
    fsbp: ['S3.1'],
    nist80053: ['AC-3', 'AC-21', 'SC-7'],
    pci: ['1.4.4'],
    iso27001: ['A.8.3'],
    soc2: ['CC6.1'],
  },
  resourceTypes: ['AWS::Account'],
  reads: ['s3AccountPublicAccessBlock'],
  evaluate: (account) => {
    const block = account.s3AccountPublicAccessBlock;
    const off = SETTINGS.filter((s) => block[s].known && !block[s].value);
    const first = block[SETTINGS[0]];
    if (off.length > 0)
      return fail(
        `account-level Block Public Access is off for ${off.join(', ')}`,
        block[off[0] as (typeof SETTINGS)[number]].source,
      );
    const unclear = SETTINGS.map((s) => block[s]).find((v) => !v.known);
    if (unclear && !unclear.known)
      return cannotTell(`account-level Block Public Access: ${unclear.reason}`, unclear.source);
    return pass('all four account-level Block Public Access settings are on', first.source);
  },
});
