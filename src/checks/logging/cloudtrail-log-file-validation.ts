import { byDefault, defineCheck, fail, pass } from '../check.js';
import { at, judgeFor } from '../data/wording.js';

export const cloudtrailLogFileValidation = defineCheck({
  id: 'cloudtrail-log-file-validation',
  title: 'CloudTrail log file integrity validation is enabled',
  severity: 'medium',
  area: 'log.audit',
  rationale:
    'With validation on, CloudTrail delivers signed, chained digest files so anyone can later prove that no log ' +
    'file was changed or deleted after delivery. Without it, an intruder with write access to the bucket can edit ' +
    'the record of what they did. It is off unless the customer turns it on.',
  remediation: {
    text: 'Set EnableLogFileValidation to true and verify with `aws cloudtrail validate-logs` during investigations.',
    cloudformation: `Trail:
  Type: AWS::CloudTrail::Trail
  Properties:
    S3BucketName: !Ref TrailBucket
    IsLogging: true
    IsMultiRegionTrail: true
    EnableLogFileValidation: true`,
  },
  frameworks: {
    cis: ['3.2'],
    fsbp: ['CloudTrail.4'],
    nist80053: ['AU-9', 'SI-7'],
    pci: ['10.3.4'],
    hipaa: ['164.312(c)(1)'],
    iso27001: ['A.8.15'],
    soc2: ['CC7.2'],
  },
  resourceTypes: ['AWS::CloudTrail::Trail'],
  reads: ['logFileValidation'],
  evaluate: (trail) =>
    judgeFor(`trail ${trail.name}: log file validation`, trail.logFileValidation, (on, origin) =>
      on
        ? pass(`trail ${trail.name} validates its log files`)
        : fail(
            `trail ${trail.name} has log file validation off${byDefault(origin)}${at(trail.logFileValidation.source)}`,
          ),
    ),
});
