import { defineCheck, fail, pass, type Verdict } from '../check.js';
import { perRegion } from './account-helpers.js';

export const configRecorderAllRegions = defineCheck({
  id: 'config-recorder-all-regions',
  title: 'AWS Config records all resource types in every scanned region',
  severity: 'medium',
  area: 'org.config-mgmt',
  rationale:
    "AWS Config is the account's configuration history: what changed, when, and what it looked like before. " +
    'AWS runs the service; turning the recorder on in each region, for all resource types, is the ' +
    "customer's part. A region without it is where unexplained changes go unseen. IAM resources are global, " +
    'so one region must also record global resource types.',
  remediation: {
    text: 'In each region, create a configuration recorder for all supported resource types with a delivery channel, and start it; record global resource types in one region.',
    cloudformation: `ConfigRecorder:
  Type: AWS::Config::ConfigurationRecorder
  Properties:
    RoleARN: !Sub arn:\${AWS::Partition}:iam::\${AWS::AccountId}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig
    RecordingGroup:
      AllSupported: true
      IncludeGlobalResourceTypes: true  # in one region only
DeliveryChannel:
  Type: AWS::Config::DeliveryChannel
  Properties:
    S3BucketName: !Ref ConfigBucket`,
  },
  frameworks: {
    cis: ['3.3'],
    fsbp: ['Config.1'],
    nist80053: ['CM-8', 'CM-3'],
    iso27001: ['A.8.9'],
    soc2: ['CC7.1'],
  },
  resourceTypes: ['AWS::Account'],
  reads: ['configRecorder'],
  evaluate: (account) => {
    const verdicts: Verdict[] = perRegion(account, 'configRecorder', (recorder, region) => {
      if (recorder === null) return fail(`${region}: no AWS Config recorder`);
      if (!recorder.recording) return fail(`${region}: the AWS Config recorder is stopped`);
      if (!recorder.allSupported)
        return fail(`${region}: the AWS Config recorder records only selected resource types`);
      return pass(
        `${region}: AWS Config records all resource types${recorder.includeGlobalResources ? ', global ones included' : ''}`,
      );
    });
    // Global (IAM) resource types need recording in one region; the per-region verdicts cannot see that.
    const recorders = account.regions.map((r) => r.configRecorder);
    if (recorders.every((v) => v.known && v.value?.recording) && recorders.length > 0) {
      const global = recorders.some((v) => v.known && v.value?.includeGlobalResources);
      if (!global)
        verdicts.push(
          fail('no scanned region records global resource types (IAM users, roles and policies)'),
        );
    }
    return verdicts;
  },
});
