import { byDefault, cannotTell, defineCheck, fail, pass } from '../check.js';
import { at } from '../data/wording.js';

export const cloudtrailMultiRegion = defineCheck({
  id: 'cloudtrail-multi-region',
  title: 'CloudTrail trails record all regions and are logging',
  severity: 'high',
  area: 'log.audit',
  rationale:
    'AWS records API activity, but keeps only 90 days of management events in Event history; a trail is how the ' +
    'customer keeps the audit record. A single-region trail misses activity in every other region, which is ' +
    'exactly where an intruder mines or hides, and a trail that is not logging records nothing. (CIS 3.1 also ' +
    'asks for read and write management events, which the model does not read yet.)',
  remediation: {
    text: 'Make the trail multi-region, keep it logging, and include global service events.',
    cloudformation: `Trail:
  Type: AWS::CloudTrail::Trail
  Properties:
    S3BucketName: !Ref TrailBucket
    IsLogging: true
    IsMultiRegionTrail: true
    IncludeGlobalServiceEvents: true
    EnableLogFileValidation: true
    KMSKeyId: !Ref TrailKey`,
  },
  frameworks: {
    cis: ['3.1'],
    fsbp: ['CloudTrail.1'],
    nist80053: ['AU-2', 'AU-12'],
    pci: ['10.2.1'],
    hipaa: ['164.312(b)'],
    iso27001: ['A.8.15'],
    soc2: ['CC7.2'],
  },
  resourceTypes: ['AWS::CloudTrail::Trail'],
  reads: ['isLogging', 'multiRegion'],
  evaluate: (trail) => {
    const { multiRegion, isLogging } = trail;
    const problems: string[] = [];
    if (multiRegion.known && !multiRegion.value) {
      problems.push(`records only its home region${byDefault(multiRegion.origin)}${at(multiRegion.source)}`);
    }
    if (isLogging.known && !isLogging.value) problems.push(`is not logging${at(isLogging.source)}`);
    // A known failure decides even when the other setting is unknown.
    if (problems.length > 0) {
      return fail(
        `trail ${trail.name} ${problems.join(' and ')}`,
        multiRegion.known ? multiRegion.source : isLogging.source,
      );
    }
    if (!multiRegion.known)
      return cannotTell(
        `trail ${trail.name}: multi-region setting unknown (${multiRegion.reason})`,
        multiRegion.source,
      );
    if (!isLogging.known)
      return cannotTell(`trail ${trail.name}: logging state unknown (${isLogging.reason})`, isLogging.source);
    return pass(`trail ${trail.name} is multi-region and logging`, multiRegion.source);
  },
});
