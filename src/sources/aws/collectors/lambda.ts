import {
  type FunctionConfiguration,
  GetFunctionConcurrencyCommand,
  GetPolicyCommand,
  GetRuntimeManagementConfigCommand,
  LambdaClient,
  paginateListFunctions,
  paginateListFunctionUrlConfigs,
} from '@aws-sdk/client-lambda';
import pLimit from 'p-limit';
import type { LambdaFunction } from '../../../model/resources/index.js';
import { explicit, type SourceRef, unknown, type Value } from '../../../model/value.js';
import type { CollectContext, Collector } from '../collector.js';
import { parsePolicyDocument } from '../../../model/parse-policy.js';
import { permissionsFromPolicy, unknownPermission } from './lambda-policy.js';
import { collectPages, errorName, notCollected, PER_RESOURCE_CONCURRENCY } from './support.js';

const LIST = 'lambda:ListFunctions';
const TYPE = 'AWS::Lambda::Function';

/** One per-function call, made only when a selected check reads the field it serves. */
async function perFunction<T>(
  ctx: CollectContext,
  field: string | readonly string[],
  api: string,
  arn: string,
  call: () => Promise<T>,
  absent?: { codes: string[]; value: T },
): Promise<Value<T>> {
  const src: SourceRef = { arn, api };
  const fields = typeof field === 'string' ? [field] : field;
  if (!fields.some((f) => ctx.wants(TYPE, f))) return notCollected(src);
  try {
    return explicit(await call(), src);
  } catch (error) {
    if (absent?.codes.includes(errorName(error))) return explicit(absent.value, src);
    return unknown(ctx.builder.fail(api, error, arn), src);
  }
}

async function functionOf(ctx: CollectContext, lambda: LambdaClient, fn: FunctionConfiguration) {
  const name = fn.FunctionName ?? '';
  const arn = fn.FunctionArn ?? '';
  const src: SourceRef = { arn, api: LIST };
  const isImage = fn.PackageType === 'Image';
  const FunctionName = arn || name;

  const [reservedConcurrency, policy, functionUrlAuthType, runtimeUpdateMode] = await Promise.all([
    perFunction(ctx, 'reservedConcurrency', 'lambda:GetFunctionConcurrency', arn, async () => {
      const out = await lambda.send(new GetFunctionConcurrencyCommand({ FunctionName }));
      return out.ReservedConcurrentExecutions ?? null;
    }),
    // Lambda has no batch call for resource policies: one GetPolicy per function.
    perFunction(
      ctx,
      ['permissions', 'policy'],
      'lambda:GetPolicy',
      arn,
      async () => (await lambda.send(new GetPolicyCommand({ FunctionName }))).Policy ?? null,
      // No resource policy at all is answered with ResourceNotFoundException.
      { codes: ['ResourceNotFoundException'], value: null },
    ),
    // Function URLs can sit on the function and on each alias; any URL without auth is public.
    perFunction(ctx, 'functionUrlAuthType', 'lambda:ListFunctionUrlConfigs', arn, async () => {
      const urls = await collectPages(
        paginateListFunctionUrlConfigs({ client: lambda }, { FunctionName }),
        (p) => p.FunctionUrlConfigs,
      );
      if (urls.length === 0) return null;
      return urls.some((u) => u.AuthType === 'NONE') ? ('NONE' as const) : ('AWS_IAM' as const);
    }),
    isImage
      ? Promise.resolve<LambdaFunction['runtimeUpdateMode']>(
          unknown('runtime management does not apply to container images', {
            arn,
            api: 'lambda:GetRuntimeManagementConfig',
          }),
        )
      : perFunction(ctx, 'runtimeUpdateMode', 'lambda:GetRuntimeManagementConfig', arn, async () => {
          const out = await lambda.send(new GetRuntimeManagementConfigCommand({ FunctionName }));
          return (out.UpdateRuntimeOn ?? 'Auto') as 'Auto' | 'FunctionUpdate' | 'Manual';
        }),
  ]);

  const permissions = !ctx.wants(TYPE, 'permissions')
    ? []
    : policy.known
      ? policy.value === null
        ? []
        : permissionsFromPolicy(policy.value, policy.source)
      : [unknownPermission(policy.reason, policy.source)];

  const resource: LambdaFunction = {
    type: TYPE,
    id: arn,
    arn,
    name,
    region: ctx.region,
    account: ctx.accountId,
    source: src,
    packageType: explicit(isImage ? 'Image' : 'Zip', src),
    runtime: explicit(isImage ? null : (fn.Runtime ?? null), src),
    runtimeUpdateMode,
    role: explicit(fn.Role ?? '', src),
    inVpc: explicit((fn.VpcConfig?.SubnetIds?.length ?? 0) > 0, src),
    // Only the names: the values can hold secrets and are dropped here, before anything keeps them.
    environmentVariableNames: explicit(Object.keys(fn.Environment?.Variables ?? {}), src),
    kmsKeyArn: explicit(fn.KMSKeyArn ?? null, src),
    tracingMode: explicit(fn.TracingConfig?.Mode === 'Active' ? 'Active' : 'PassThrough', src),
    deadLetterTarget: explicit(fn.DeadLetterConfig?.TargetArn ?? null, src),
    reservedConcurrency,
    permissions,
    ...(ctx.wants(TYPE, 'policy')
      ? {
          policy: policy.known
            ? { ...policy, value: policy.value === null ? null : parsePolicyDocument(policy.value) }
            : policy,
        }
      : {}),
    functionUrlAuthType,
  };
  return resource;
}

export const lambdaCollector: Collector = {
  id: 'lambda',
  scope: 'regional',
  produces: [TYPE],
  operations: {
    'lambda:ListFunctions': { fields: [] },
    'lambda:GetFunctionConcurrency': { fields: ['reservedConcurrency'] },
    'lambda:GetPolicy': { fields: ['permissions', 'policy'] },
    'lambda:ListFunctionUrlConfigs': { fields: ['functionUrlAuthType'] },
    'lambda:GetRuntimeManagementConfig': { fields: ['runtimeUpdateMode'] },
  },
  async collect(ctx) {
    if (!ctx.wants(TYPE)) return;
    const lambda = ctx.session.client(LambdaClient, ctx.region);
    let functions: FunctionConfiguration[];
    try {
      functions = await collectPages(paginateListFunctions({ client: lambda }, {}), (p) => p.Functions);
    } catch (error) {
      ctx.builder.fail(LIST, error, `functions in ${ctx.region}`);
      return;
    }
    const limit = pLimit(PER_RESOURCE_CONCURRENCY);
    const resources = await Promise.all(functions.map((fn) => limit(() => functionOf(ctx, lambda, fn))));
    for (const resource of resources) ctx.builder.add(resource);
  },
};
