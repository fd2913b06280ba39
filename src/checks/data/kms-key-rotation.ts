import { byDefault, cannotTell, defineCheck, fail, pass } from '../check.js';
import { at, judgeFor } from './wording.js';

export const kmsKeyRotation = defineCheck({
  id: 'kms-key-rotation',
  title: 'Customer managed symmetric KMS keys rotate automatically',
  severity: 'medium',
  area: 'data.key-mgmt',
  rationale:
    'Automatic rotation gives the key new cryptographic material every year (or the period you choose) while ' +
    'old material still decrypts old data, limiting how much data any one key version protects. AWS rotates ' +
    'AWS managed keys itself; for customer managed keys rotation is off unless you turn it on.',
  remediation: {
    text: 'Set EnableKeyRotation to true on symmetric encryption keys (RotationPeriodInDays optionally shortens the yearly default).',
    cloudformation: `DataKey:
  Type: AWS::KMS::Key
  Properties:
    EnableKeyRotation: true
    KeyPolicy:
      Version: '2012-10-17'
      Statement:
        - Sid: AccountAdministers
          Effect: Allow
          Principal:
            AWS: !Sub 'arn:aws:iam::\${AWS::AccountId}:root'
          Action: 'kms:*'
          Resource: '*'`,
  },
  frameworks: {
    cis: ['3.6'],
    fsbp: ['KMS.4'],
    nist80053: ['SC-12'],
    pci: ['3.7.4'],
    iso27001: ['A.8.24'],
    soc2: ['CC6.1'],
  },
  resourceTypes: ['AWS::KMS::Key'],
  reads: ['keySpec', 'keyUsage', 'managedBy', 'pendingDeletion', 'rotationEnabled'],
  evaluate: (key) => {
    // AWS rotates its managed keys, and a key being deleted will never be used again.
    if (key.managedBy === 'aws') return [];
    if (key.pendingDeletion.known && key.pendingDeletion.value) return [];
    const { keySpec, keyUsage } = key;
    if (!keySpec.known)
      return cannotTell(`key ${key.name}: KeySpec unknown: ${keySpec.reason}`, keySpec.source);
    if (!keyUsage.known)
      return cannotTell(`key ${key.name}: KeyUsage unknown: ${keyUsage.reason}`, keyUsage.source);
    // Asymmetric and HMAC keys cannot rotate automatically: not a finding.
    if (keySpec.value !== 'SYMMETRIC_DEFAULT' || keyUsage.value !== 'ENCRYPT_DECRYPT') return [];
    return judgeFor(`key ${key.name}`, key.rotationEnabled, (on, origin) =>
      on
        ? pass(`key ${key.name}: automatic rotation is on`)
        : fail(
            `key ${key.name}: EnableKeyRotation is false${byDefault(origin)}${at(key.rotationEnabled.source)}`,
          ),
    );
  },
});
