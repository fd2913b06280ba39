import { defineCheck, fail, pass } from '../check.js';
import { noTemplate, perRegion } from './account-helpers.js';

export const ec2EbsEncryptionByDefault = defineCheck({
  id: 'ec2-ebs-encryption-by-default',
  title: 'EBS encryption by default is on in every scanned region',
  severity: 'medium',
  area: 'data.enc-at-rest',
  rationale:
    'EBS encrypts a volume only when asked. The per-region default makes every new volume and snapshot copy ' +
    'encrypted without relying on each template or launch to ask, and it is off until the customer turns it on.',
  remediation: {
    text: 'Turn on EBS encryption by default in each region (EC2 console → Data protection and security), optionally with a customer managed KMS key.',
    cloudformation: noTemplate('Per region: aws ec2 enable-ebs-encryption-by-default --region <region>'),
  },
  frameworks: {
    cis: ['5.1.1'],
    fsbp: ['EC2.7'],
    nist80053: ['SC-28', 'SC-28(1)'],
    pci: ['3.5.1'],
    hipaa: ['164.312(a)(2)(iv)'],
    iso27001: ['A.8.24'],
    soc2: ['CC6.1'],
  },
  resourceTypes: ['AWS::Account'],
  reads: ['ebsEncryptionByDefault'],
  evaluate: (account) =>
    perRegion(account, 'ebsEncryptionByDefault', (on, region) =>
      on
        ? pass(`${region}: new EBS volumes are encrypted by default`)
        : fail(`${region}: EBS encryption by default is off`),
    ),
});
