import { defineCheck, fail, pass } from '../check.js';
import { perRegion } from './account-helpers.js';

export const iamAccessAnalyzerAllRegions = defineCheck({
  id: 'iam-access-analyzer-all-regions',
  title: 'IAM Access Analyzer watches for external access in every scanned region',
  severity: 'low',
  area: 'iam.resource-policy',
  rationale:
    'Resource policies and shares (buckets, keys, roles, snapshots, queues) can grant access to other accounts ' +
    'or to everyone. An external-access analyzer finds each such grant as it appears; it is regional and off ' +
    'until the customer creates it.',
  remediation: {
    text: 'Create an external-access analyzer (type ACCOUNT, or ORGANIZATION from the delegated administrator) in each region, and review its findings.',
    cloudformation: `Analyzer:
  Type: AWS::AccessAnalyzer::Analyzer
  Properties:
    Type: ACCOUNT`,
  },
  frameworks: {
    cis: ['1.20'],
    fsbp: ['IAM.28'],
    nist80053: ['AC-6', 'CA-7'],
    iso27001: ['A.5.15'],
    soc2: ['CC6.1'],
  },
  resourceTypes: ['AWS::Account'],
  reads: ['accessAnalyzerActive'],
  evaluate: (account) =>
    perRegion(account, 'accessAnalyzerActive', (active, region) =>
      active
        ? pass(`${region}: an external-access analyzer is active`)
        : fail(`${region}: no active external-access analyzer`),
    ),
});
