import { byDefault, defineCheck, fail, pass } from '../check.js';
import { at, judgeFor } from '../data/wording.js';

export const dynamodbPointInTimeRecovery = defineCheck({
  id: 'dynamodb-point-in-time-recovery',
  title: 'DynamoDB tables have point-in-time recovery',
  severity: 'medium',
  area: 'res.backup',
  rationale:
    'DynamoDB replicates every table across zones, which protects against hardware loss but not against a bad ' +
    'deploy or a deleted item: those replicate too. Point-in-time recovery lets the customer restore to any ' +
    'second of the retention window (35 days by default); it is off unless turned on.',
  remediation: {
    text: 'Enable point-in-time recovery on the table.',
    cloudformation: `OrdersTable:
  Type: AWS::DynamoDB::Table
  Properties:
    BillingMode: PAY_PER_REQUEST
    AttributeDefinitions:
      - AttributeName: id
        AttributeType: S
    KeySchema:
      - AttributeName: id
        KeyType: HASH
    PointInTimeRecoverySpecification:
      PointInTimeRecoveryEnabled: true`,
  },
  frameworks: {
    fsbp: ['DynamoDB.2'],
    nist80053: ['CP-9', 'CP-10'],
    hipaa: ['164.308(a)(7)(ii)(A)'],
    iso27001: ['A.8.13'],
    soc2: ['A1.2'],
  },
  resourceTypes: ['AWS::DynamoDB::Table'],
  reads: ['pointInTimeRecovery'],
  evaluate: (table) =>
    judgeFor(`table ${table.name}: point-in-time recovery`, table.pointInTimeRecovery, (on, origin) =>
      on
        ? pass(`table ${table.name} has point-in-time recovery`)
        : fail(
            `table ${table.name} has point-in-time recovery off${byDefault(origin)}${at(table.pointInTimeRecovery.source)}`,
          ),
    ),
});
