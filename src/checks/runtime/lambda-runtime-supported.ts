import { cannotTell, defineCheck, fail, pass } from '../check.js';
import { at } from '../data/wording.js';
import { LAMBDA_RUNTIMES, runtimeStatus } from './lambda-runtimes.js';

export const lambdaRuntimeSupported = defineCheck({
  id: 'lambda-runtime-supported',
  title: 'Lambda functions use a runtime AWS still patches',
  severity: 'high',
  area: 'rt.patch',
  rationale:
    'AWS patches managed Lambda runtimes, but only until their deprecation date; after it, the language runtime ' +
    "and OS libraries get no security fixes, and moving to a newer major version is the customer's job. " +
    `Judged against whoowns's runtime table as of ${LAMBDA_RUNTIMES.asOf}, not the scan date, so results are ` +
    'reproducible. Container-image functions bring their own runtime and are not assessed here: the customer ' +
    'must rebuild those images to get patches.',
  remediation: {
    text:
      'Move the function to the latest runtime of its language, test it, and keep RuntimeManagementConfig on Auto ' +
      'so AWS applies patch releases.',
    cloudformation: `Function:
  Type: AWS::Lambda::Function
  Properties:
    Runtime: python3.13
    Handler: app.handler
    Role: !GetAtt FunctionRole.Arn
    Code:
      S3Bucket: !Ref ArtifactBucket
      S3Key: function.zip`,
  },
  frameworks: {
    fsbp: ['Lambda.2'],
    nist80053: ['SI-2'],
    pci: ['6.3.3'],
    iso27001: ['A.8.8'],
    soc2: ['CC7.1'],
  },
  resourceTypes: ['AWS::Lambda::Function'],
  reads: ['packageType', 'runtime'],
  evaluate: (fn) => {
    if (fn.packageType.known && fn.packageType.value === 'Image') return [];
    const runtime = fn.runtime;
    if (!runtime.known)
      return cannotTell(`function ${fn.name}: runtime unknown (${runtime.reason})`, runtime.source);
    if (runtime.value === null) return [];
    const status = runtimeStatus(runtime.value);
    const name = `function ${fn.name} uses ${runtime.value}`;
    if (status.kind === 'deprecated') {
      const next = status.successor ? `; move to ${status.successor}` : '';
      return fail(
        `${name}, deprecated on ${status.since}${at(runtime.source)}: AWS no longer patches it${next}`,
      );
    }
    if (status.kind === 'not-listed') {
      return cannotTell(
        `${name}, which is not in whoowns's runtime table (as of ${LAMBDA_RUNTIMES.asOf})`,
        runtime.source,
      );
    }
    const until = status.until
      ? `supported until ${status.until}`
      : 'supported, with no deprecation date set';
    return pass(`${name}, ${until}`, runtime.source);
  },
});
