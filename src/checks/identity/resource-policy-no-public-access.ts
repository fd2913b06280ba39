import { cannotTell, defineCheck, pass, type Verdict } from '../check.js';
import { exposureOf, judgeGrants } from './resource-exposure.js';

const TYPES = [
  'AWS::KMS::Key',
  'AWS::SQS::Queue',
  'AWS::SNS::Topic',
  'AWS::Lambda::Function',
  'AWS::SecretsManager::Secret',
  'AWS::ECR::Repository',
] as const;

export const resourcePolicyNoPublicAccess = defineCheck({
  id: 'resource-policy-no-public-access',
  title: 'Key, queue, topic, function, secret and repository policies do not grant access to everyone',
  severity: 'critical',
  area: 'iam.resource-policy',
  rationale:
    'A resource policy that lets Principal "*" in without a condition pinning the caller opens the resource to ' +
    'every AWS account: anyone can decrypt with the key, read the queue, publish to the topic, invoke the ' +
    'function, read the secret or pull the images. Each policy is evaluated for a stranger; conditions on ' +
    'aws:SourceArn, aws:SourceAccount, aws:PrincipalOrgID, aws:SourceVpce or aws:SourceIp that only the ' +
    "customer's callers meet keep it private, while IfExists forms and wildcards do not. (S3 buckets have " +
    'their own check, which also weighs Block Public Access.)',
  remediation: {
    text:
      'Name the principals that need access, or keep "*" only with a condition that pins the caller: ' +
      'aws:PrincipalOrgID for your organization, aws:SourceArn or aws:SourceAccount for AWS services acting for you.',
    cloudformation: `EventsQueuePolicy:
  Type: AWS::SQS::QueuePolicy
  Properties:
    Queues:
      - !Ref EventsQueue
    PolicyDocument:
      Version: '2012-10-17'
      Statement:
        - Effect: Allow
          Principal:
            Service: sns.amazonaws.com
          Action: sqs:SendMessage
          Resource: !GetAtt EventsQueue.Arn
          Condition:
            ArnEquals:
              aws:SourceArn: !Ref OrdersTopic`,
  },
  frameworks: {
    fsbp: ['Lambda.1', 'SNS.4', 'SQS.3'],
    nist80053: ['AC-3', 'AC-21', 'SC-7'],
    iso27001: ['A.8.3'],
    soc2: ['CC6.1'],
  },
  resourceTypes: TYPES,
  reads: ['policy', 'keyPolicy', 'permissions', 'functionUrlAuthType'],
  evaluate: (resource, context): Verdict => {
    const found = exposureOf(resource, context);
    if (!found) return pass(`${resource.name} has no resource policy`, resource.source);
    const { exposure, label } = found;
    if (exposure.unknownPolicy)
      return cannotTell(`${label} unknown: ${exposure.unknownPolicy}`, resource.source);
    return judgeGrants(exposure.public, resource.source, {
      sure: `${label} lets everyone in`,
      maybe: `${label} may let everyone in`,
      none: `${label} grants nothing to callers outside the ones it names or pins`,
    });
  },
});
