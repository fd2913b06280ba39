import { byDefault, defineCheck, fail, pass } from '../check.js';
import { judgeFor } from '../data/wording.js';

export const vpcFlowLogsEnabled = defineCheck({
  id: 'vpc-flow-logs-enabled',
  title: 'VPC flow logs are enabled',
  severity: 'medium',
  area: 'log.service',
  rationale:
    'Flow logs are the only record of which addresses talked to which inside a VPC: without them there is no way ' +
    'to scope an intrusion, spot data exfiltration or feed GuardDuty-style detection beyond its own sources. ' +
    'AWS creates none by default.',
  remediation: {
    text: 'Add an AWS::EC2::FlowLog for the VPC (at least REJECT traffic; ALL for investigations) to CloudWatch Logs or S3.',
    cloudformation: `VpcFlowLog:
  Type: AWS::EC2::FlowLog
  Properties:
    ResourceId: !Ref Vpc
    ResourceType: VPC
    TrafficType: ALL
    LogDestinationType: s3
    LogDestination: !GetAtt FlowLogBucket.Arn`,
  },
  frameworks: {
    cis: ['3.7'],
    fsbp: ['EC2.6'],
    nist80053: ['AU-12', 'SI-4'],
    pci: ['10.2.1'],
    iso27001: ['A.8.15', 'A.8.16'],
    soc2: ['CC7.2'],
  },
  resourceTypes: ['AWS::EC2::VPC'],
  reads: ['flowLogsEnabled'],
  evaluate: (vpc) =>
    judgeFor(`VPC ${vpc.name}: flow logs`, vpc.flowLogsEnabled, (on, origin) =>
      on
        ? pass(`VPC ${vpc.name} has flow logs`)
        : fail(
            `VPC ${vpc.name} has no flow log${byDefault(origin)}; add an AWS::EC2::FlowLog for it`,
            vpc.source,
          ),
    ),
});
