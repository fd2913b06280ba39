import { cannotTell, defineCheck, pass, type Verdict } from '../check.js';
import { exposureOf, judgeGrants } from './resource-exposure.js';

const TYPES = [
  'AWS::S3::Bucket',
  'AWS::KMS::Key',
  'AWS::SQS::Queue',
  'AWS::SNS::Topic',
  'AWS::Lambda::Function',
  'AWS::SecretsManager::Secret',
  'AWS::ECR::Repository',
] as const;

export const resourcePolicyNoCrossAccount = defineCheck({
  id: 'resource-policy-no-cross-account',
  title: 'Resource policies grant nothing to accounts outside the organization or to unpinned AWS services',
  severity: 'medium',
  area: 'iam.resource-policy',
  rationale:
    'A resource policy that names another account hands access to whoever that account lets in; one that ' +
    'lets an AWS service in without aws:SourceArn or aws:SourceAccount lets that service act for any customer ' +
    'of AWS (the confused deputy): a stranger points their own topic, trail or distribution at the resource. ' +
    'Each grant is evaluated with its conditions; accounts of the organization are inside the zone of trust.',
  remediation: {
    text:
      'Remove grants to accounts you do not control, or confine them with conditions on the calling principal; ' +
      'for AWS service principals add aws:SourceArn (or aws:SourceAccount) naming your own resource or account.',
    cloudformation: `TrailBucketPolicy:
  Type: AWS::S3::BucketPolicy
  Properties:
    Bucket: !Ref TrailBucket
    PolicyDocument:
      Version: '2012-10-17'
      Statement:
        - Effect: Allow
          Principal:
            Service: cloudtrail.amazonaws.com
          Action: s3:PutObject
          Resource: !Sub '\${TrailBucket.Arn}/AWSLogs/\${AWS::AccountId}/*'
          Condition:
            StringEquals:
              aws:SourceArn: !Sub 'arn:aws:cloudtrail:\${AWS::Region}:\${AWS::AccountId}:trail/main'`,
  },
  frameworks: {
    fsbp: ['S3.6'],
    nist80053: ['AC-3', 'AC-21'],
    iso27001: ['A.5.15', 'A.8.3'],
    soc2: ['CC6.1'],
  },
  resourceTypes: TYPES,
  reads: ['policy', 'keyPolicy', 'permissions', 'functionUrlAuthType', 'bucketName'],
  evaluate: (resource, context): Verdict => {
    const found = exposureOf(resource, context);
    if (!found) return pass(`${resource.name} has no resource policy`, resource.source);
    const { exposure, label } = found;
    if (exposure.unknownPolicy)
      return cannotTell(`${label} unknown: ${exposure.unknownPolicy}`, resource.source);
    return judgeGrants(exposure.outside, resource.source, {
      sure: `${label} grants outside the organization`,
      maybe: `${label} may grant outside the organization`,
      none: `${label} grants nothing to other accounts or unpinned services`,
    });
  },
});
