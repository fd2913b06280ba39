import type { LambdaFunction } from '../../../model/resources/index.js';
import { awsDefault, explicit, unknown } from '../../../model/value.js';
import { Unresolved } from '../intrinsics.js';
import { asNumber, asOneOf, asString, type ResourceReader } from '../resource-reader.js';
import { baseOf, readName, withBase } from './common.js';

/** Only the variable names are read: their values can hold secrets and never enter the model. */
function readEnvironmentNames(r: ResourceReader): LambdaFunction['environmentVariableNames'] {
  const variables = r.get(['Environment', 'Variables']);
  const src = r.source(['Environment', 'Variables']);
  if (variables === undefined) return awsDefault([], src);
  if (variables instanceof Unresolved) return unknown(`environment ${variables.reason}`, src);
  if (typeof variables !== 'object' || variables === null) return unknown('environment is not a map', src);
  return explicit(Object.keys(variables), src);
}

export function mapLambdaFunction(r: ResourceReader): LambdaFunction {
  const functionName = readName(r, 'FunctionName');
  const packageType = r.read(['PackageType'], asOneOf(['Zip', 'Image'] as const), 'Zip');
  const isImage = packageType.known && packageType.value === 'Image';
  const src = r.source();
  return withBase<LambdaFunction>(baseOf(r, functionName), {
    type: 'AWS::Lambda::Function',
    packageType,
    runtime: isImage ? explicit(null, src) : r.required(['Runtime'], asString),
    runtimeUpdateMode: r.read(
      ['RuntimeManagementConfig', 'UpdateRuntimeOn'],
      asOneOf(['Auto', 'FunctionUpdate', 'Manual'] as const),
      'Auto',
    ),
    role: r.required(['Role'], asString),
    inVpc:
      r.count(['VpcConfig', 'SubnetIds']) > 0
        ? explicit(true, r.source(['VpcConfig']))
        : awsDefault(false, src),
    environmentVariableNames: readEnvironmentNames(r),
    kmsKeyArn: r.string(['KmsKeyArn'], null),
    tracingMode: r.read(
      ['TracingConfig', 'Mode'],
      asOneOf(['Active', 'PassThrough'] as const),
      'PassThrough',
    ),
    deadLetterTarget: r.string(['DeadLetterConfig', 'TargetArn'], null),
    reservedConcurrency: r.read<number | null>(['ReservedConcurrentExecutions'], asNumber, null),
    // AWS::Lambda::Permission and AWS::Lambda::Url resources are folded in later.
    permissions: [],
    functionUrlAuthType: awsDefault(null, src),
  });
}
