import { cannotTell, defineCheck, fail, pass } from '../check.js';
import { at, judgeFor } from '../data/wording.js';

export const ec2InstanceImdsv2Required = defineCheck({
  id: 'ec2-instance-imdsv2-required',
  title: 'EC2 instances require IMDSv2 session tokens',
  severity: 'high',
  area: 'os.hardening',
  rationale:
    'With IMDSv1 allowed, a server-side request forgery or open proxy on the instance can read the instance ' +
    "role's credentials with one GET request. IMDSv2 needs a session token from a PUT, which those attacks " +
    "cannot send. AWS offers both; requiring tokens is the customer's setting.",
  remediation: {
    text:
      'Set MetadataOptions HttpTokens to required (or disable the endpoint if nothing uses it); account-level ' +
      'instance metadata defaults can make it the default for new launches.',
    cloudformation: `AppInstance:
  Type: AWS::EC2::Instance
  Properties:
    ImageId: !Ref LatestAmiId
    InstanceType: t3.micro
    MetadataOptions:
      HttpTokens: required
      HttpPutResponseHopLimit: 1`,
  },
  frameworks: {
    cis: ['5.7'],
    fsbp: ['EC2.8'],
    nist80053: ['AC-3', 'CM-7'],
    iso27001: ['A.8.9'],
    soc2: ['CC6.1'],
  },
  resourceTypes: ['AWS::EC2::Instance'],
  reads: ['metadataEndpoint', 'metadataHttpTokens'],
  evaluate: (instance) => {
    const endpoint = instance.metadataEndpoint;
    if (endpoint.known && endpoint.value === 'disabled') {
      return pass(`instance ${instance.name} has the metadata endpoint disabled`, endpoint.source);
    }
    return judgeFor(
      `instance ${instance.name}: HttpTokens`,
      instance.metadataHttpTokens,
      (tokens, origin) => {
        if (tokens === 'required') return pass(`instance ${instance.name} requires IMDSv2 tokens`);
        // IMDSv1 matters only if the endpoint is on; an unknown endpoint state must not become a FAIL.
        if (!endpoint.known) {
          return cannotTell(
            `instance ${instance.name} allows IMDSv1, but whether its metadata endpoint is on is unknown (${endpoint.reason})`,
            endpoint.source,
          );
        }
        if (origin === 'explicit') {
          return fail(
            `instance ${instance.name} sets HttpTokens to optional${at(instance.metadataHttpTokens.source)}, allowing IMDSv1`,
          );
        }
        return fail(
          `instance ${instance.name} does not set HttpTokens, so IMDSv1 is allowed unless its AMI is registered with ` +
            'ImdsSupport v2.0 or the account-level metadata default requires tokens; set HttpTokens: required to be sure',
        );
      },
    );
  },
});
