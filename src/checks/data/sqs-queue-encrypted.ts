import { byDefault, cannotTell, defineCheck, fail, pass } from '../check.js';
import { at, judgeFor, shown } from './wording.js';

export const sqsQueueEncrypted = defineCheck({
  id: 'sqs-queue-encrypted',
  title: 'SQS queues encrypt messages at rest',
  severity: 'medium',
  area: 'data.enc-at-rest',
  rationale:
    'Messages wait in the queue until consumed. Queues created since October 2022 use SSE-SQS unless told ' +
    'otherwise; a queue that turns it off without a KMS key stores message bodies unencrypted.',
  remediation: {
    text: 'Leave SqsManagedSseEnabled at its default (true), or set KmsMasterKeyId for SSE-KMS with a key you control.',
    cloudformation: `OrderQueue:
  Type: AWS::SQS::Queue
  Properties:
    KmsMasterKeyId: !Ref MessagingKey`,
  },
  frameworks: {
    fsbp: ['SQS.1'],
    nist80053: ['SC-28'],
    hipaa: ['164.312(a)(2)(iv)'],
    iso27001: ['A.8.24'],
    soc2: ['CC6.1'],
  },
  resourceTypes: ['AWS::SQS::Queue'],
  reads: ['kmsMasterKeyId', 'sqsManagedSse'],
  evaluate: (queue) => {
    const key = queue.kmsMasterKeyId;
    if (key.known && key.value !== null)
      return pass(`queue ${queue.name}: SSE-KMS with key ${shown(key.value)}`, key.source);
    const sse = queue.sqsManagedSse;
    // With SSE-SQS on, the queue is encrypted whatever the (unknown) KMS key turns out to be.
    if (!key.known && !(sse.known && sse.value)) {
      return cannotTell(`queue ${queue.name}: KmsMasterKeyId unknown: ${key.reason}`, key.source);
    }
    return judgeFor(`queue ${queue.name}`, sse, (on, origin) =>
      on
        ? pass(`queue ${queue.name}: SSE-SQS is on${byDefault(origin)}`)
        : fail(
            `queue ${queue.name}: SqsManagedSseEnabled is false and no KmsMasterKeyId is set${at(sse.source)}, so messages are stored unencrypted`,
          ),
    );
  },
});
