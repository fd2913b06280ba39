import type { EbsSettings } from '../../model/resources/index.js';
import type { Value } from '../../model/value.js';
import type { Verdict } from '../check.js';
import { byDefault, defineCheck, fail, pass } from '../check.js';
import { at, judgeFor } from './wording.js';

const ACCOUNT_DEFAULT =
  'it is encrypted only if EBS encryption by default is turned on for the account in this region';

function verdictFor(what: string, encrypted: Value<boolean>): Verdict {
  return judgeFor(what, encrypted, (on, origin) =>
    on
      ? pass(`${what}: Encrypted is true`)
      : fail(`${what}: Encrypted is false${byDefault(origin)}${at(encrypted.source)}; ${ACCOUNT_DEFAULT}`),
  );
}

export const ebsVolumeEncrypted = defineCheck({
  id: 'ebs-volume-encrypted',
  title: 'EBS volumes are encrypted',
  severity: 'medium',
  area: 'data.enc-at-rest',
  rationale:
    'An unencrypted EBS volume, and every snapshot taken of it, holds the data in the clear; a shared or leaked ' +
    'snapshot then exposes it. Encryption is set when the volume is created and costs no performance.',
  remediation: {
    text: 'Set Encrypted to true on volumes and block device mappings, and turn on EBS encryption by default in every region (aws ec2 enable-ebs-encryption-by-default) so nothing is created unencrypted.',
    cloudformation: `DataVolume:
  Type: AWS::EC2::Volume
  Properties:
    AvailabilityZone: !Select [0, !GetAZs '']
    Size: 100
    Encrypted: true
    KmsKeyId: !Ref VolumeKey`,
  },
  frameworks: {
    fsbp: ['EC2.3'],
    nist80053: ['SC-28'],
    pci: ['3.5.1'],
    hipaa: ['164.312(a)(2)(iv)'],
    iso27001: ['A.8.24'],
    soc2: ['CC6.1'],
  },
  resourceTypes: ['AWS::EC2::Volume', 'AWS::EC2::Instance'],
  reads: ['encrypted', 'volumes'],
  evaluate: (resource, context) => {
    if (resource.type === 'AWS::EC2::Volume')
      return verdictFor(`volume ${resource.name}`, resource.encrypted);
    // Attached AWS::EC2::Volume resources get their own verdict; judge only the instance's mappings.
    return resource.volumes
      .filter((v: EbsSettings) => context.resourceById(v.device)?.type !== 'AWS::EC2::Volume')
      .map((v) => verdictFor(`instance ${resource.name}, ${v.device}`, v.encrypted));
  },
});
