import {
  DescribeContinuousBackupsCommand,
  DescribeTableCommand,
  DynamoDBClient,
  paginateListTables,
  type TableDescription,
} from '@aws-sdk/client-dynamodb';
import pLimit from 'p-limit';
import type { DynamoDbTable } from '../../../model/resources/index.js';
import {
  awsDefault,
  explicit,
  type SourceRef,
  type UnknownValue,
  unknown,
  type Value,
} from '../../../model/value.js';
import type { CollectContext, Collector } from '../collector.js';
import {
  attempt,
  collectPages,
  keyIdOf,
  kmsAliases,
  notCollected,
  type Outcome,
  PER_RESOURCE_CONCURRENCY,
  regionalArn,
} from './support.js';

const TYPE = 'AWS::DynamoDB::Table';
const DESCRIBE = 'dynamodb:DescribeTable';
const BACKUPS = 'dynamodb:DescribeContinuousBackups';
const DESCRIBE_FIELDS = ['encryptionKeyType', 'kmsKeyId', 'deletionProtection', 'billingMode'];

type KeyType = DynamoDbTable['encryptionKeyType'] extends Value<infer T> ? T : never;

/**
 * DescribeTable names the KMS key by ARN only, for the AWS managed key as for a customer's: the
 * region's aliases tell which one is alias/aws/dynamodb.
 */
async function keyTypeOf(
  ctx: CollectContext,
  table: TableDescription,
  src: SourceRef,
): Promise<Value<KeyType>> {
  const sse = table.SSEDescription;
  // No SSE description (or DISABLED) is the default: encrypted with a key AWS owns.
  if (!sse || sse.Status === 'DISABLED' || sse.Status === 'DISABLING' || !sse.KMSMasterKeyArn)
    return awsDefault('aws-owned', src);
  const aliases = await kmsAliases(ctx);
  const aliasSrc: SourceRef = { arn: src.arn as string, api: 'kms:ListAliases' };
  if (!aliases.ok) return unknown(aliases.reason, aliasSrc);
  const names = aliases.value.byKeyId.get(keyIdOf(sse.KMSMasterKeyArn)) ?? [];
  return explicit(names.includes('alias/aws/dynamodb') ? 'aws-managed' : 'customer-managed', aliasSrc);
}

async function tableOf(
  ctx: CollectContext,
  dynamodb: DynamoDBClient,
  TableName: string,
): Promise<DynamoDbTable> {
  const wants = (field: string) => ctx.wants(TYPE, field);
  // Only DescribeTable gives the table's ARN; without it the ARN is built the documented way.
  const described: Outcome<TableDescription> | undefined = DESCRIBE_FIELDS.some(wants)
    ? await attempt(ctx, DESCRIBE, `table ${TableName}`, async () => {
        const table = (await dynamodb.send(new DescribeTableCommand({ TableName }))).Table;
        if (!table) throw new Error('DescribeTable returned no table');
        return table;
      })
    : undefined;
  const arn =
    (described?.ok && described.value.TableArn) || regionalArn(ctx, 'dynamodb', `table/${TableName}`);
  const src: SourceRef = { arn, api: DESCRIBE };
  const gate = (field: string): TableDescription | UnknownValue => {
    if (!wants(field) || !described) return notCollected(src);
    return described.ok ? described.value : unknown(described.reason, src);
  };
  const fromTable = <T>(field: string, pick: (t: TableDescription) => T): Value<T> => {
    const table = gate(field);
    return 'known' in table ? table : explicit(pick(table), src);
  };
  const keyTable = gate('encryptionKeyType');
  const backupSrc: SourceRef = { arn, api: BACKUPS };
  const pointInTimeRecovery: Promise<Value<boolean>> = wants('pointInTimeRecovery')
    ? attempt(ctx, BACKUPS, arn, async () => {
        const out = await dynamodb.send(new DescribeContinuousBackupsCommand({ TableName }));
        return (
          out.ContinuousBackupsDescription?.PointInTimeRecoveryDescription?.PointInTimeRecoveryStatus ===
          'ENABLED'
        );
      }).then((o) => (o.ok ? explicit(o.value, backupSrc) : unknown(o.reason, backupSrc)))
    : Promise.resolve(notCollected(backupSrc));
  return {
    type: TYPE,
    id: arn,
    arn,
    name: TableName,
    region: ctx.region,
    account: ctx.accountId,
    source: src,
    tableName: explicit(TableName, { arn, api: 'dynamodb:ListTables' }),
    encryptionKeyType: 'known' in keyTable ? keyTable : await keyTypeOf(ctx, keyTable, src),
    kmsKeyId: fromTable('kmsKeyId', (t) =>
      t.SSEDescription?.Status === 'ENABLED' ? (t.SSEDescription.KMSMasterKeyArn ?? null) : null,
    ),
    pointInTimeRecovery: await pointInTimeRecovery,
    deletionProtection: fromTable('deletionProtection', (t) => t.DeletionProtectionEnabled ?? false),
    // Tables created before on-demand existed report no billing mode summary: they are provisioned.
    billingMode: fromTable(
      'billingMode',
      (t) => (t.BillingModeSummary?.BillingMode ?? 'PROVISIONED') as 'PROVISIONED' | 'PAY_PER_REQUEST',
    ),
  };
}

export const dynamodbCollector: Collector = {
  id: 'dynamodb',
  scope: 'regional',
  produces: [TYPE],
  operations: {
    'dynamodb:ListTables': { fields: [] },
    'dynamodb:DescribeTable': { fields: DESCRIBE_FIELDS },
    'dynamodb:DescribeContinuousBackups': { fields: ['pointInTimeRecovery'] },
    'kms:ListAliases': { fields: ['encryptionKeyType'] },
  },
  async collect(ctx) {
    if (!ctx.wants(TYPE)) return;
    const dynamodb = ctx.session.client(DynamoDBClient, ctx.region);
    let names: string[];
    try {
      names = await collectPages(paginateListTables({ client: dynamodb }, {}), (p) => p.TableNames);
    } catch (error) {
      ctx.builder.fail('dynamodb:ListTables', error, `tables in ${ctx.region}`);
      return;
    }
    // DynamoDB has no batch describe: one DescribeTable (and one DescribeContinuousBackups) per table.
    const limit = pLimit(PER_RESOURCE_CONCURRENCY);
    const tables = await Promise.all(names.map((name) => limit(() => tableOf(ctx, dynamodb, name))));
    for (const table of tables) ctx.builder.add(table);
  },
};
