import { byDefault, defineCheck, fail, pass } from '../check.js';
import { at, judgeFor, shown } from './wording.js';

const KEY_WORDS = {
  'aws-owned': 'an AWS owned key',
  'aws-managed': 'the AWS managed key alias/aws/dynamodb',
} as const;

export const dynamodbTableCustomerKey = defineCheck({
  id: 'dynamodb-table-customer-key',
  title: 'DynamoDB tables are encrypted with a customer managed KMS key',
  severity: 'low',
  area: 'data.key-mgmt',
  rationale:
    'DynamoDB always encrypts tables at rest. With the default AWS owned key, or the AWS managed key, you cannot ' +
    'restrict who may decrypt in a key policy, disable the key in an emergency, or choose its rotation.',
  remediation: {
    text: 'Set SSESpecification with SSEType KMS and a customer managed key you control.',
    cloudformation: `OrdersTable:
  Type: AWS::DynamoDB::Table
  Properties:
    BillingMode: PAY_PER_REQUEST
    AttributeDefinitions:
      - AttributeName: pk
        AttributeType: S
    KeySchema:
      - AttributeName: pk
        KeyType: HASH
    SSESpecification:
      SSEEnabled: true
      SSEType: KMS
      KMSMasterKeyId: !Ref TableKey`,
  },
  frameworks: {
    nist80053: ['SC-12', 'SC-28'],
    iso27001: ['A.8.24'],
    soc2: ['CC6.1'],
  },
  resourceTypes: ['AWS::DynamoDB::Table'],
  reads: ['encryptionKeyType', 'kmsKeyId'],
  evaluate: (table) =>
    judgeFor(`table ${table.name}`, table.encryptionKeyType, (kind, origin) => {
      if (kind === 'customer-managed') {
        const key = table.kmsKeyId.known && table.kmsKeyId.value ? ` ${shown(table.kmsKeyId.value)}` : '';
        return pass(`table ${table.name}: encrypted with customer managed key${key}`);
      }
      return fail(
        `table ${table.name}: encrypted with ${KEY_WORDS[kind]}${byDefault(origin)}${at(table.encryptionKeyType.source)}; ` +
          'the data is encrypted, but you do not control that key',
      );
    }),
});
