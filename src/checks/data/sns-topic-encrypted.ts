import { defineCheck, fail, pass } from '../check.js';
import { at, judgeFor, shown } from './wording.js';

export const snsTopicEncrypted = defineCheck({
  id: 'sns-topic-encrypted',
  title: 'SNS topics encrypt messages at rest with KMS',
  severity: 'medium',
  area: 'data.enc-at-rest',
  rationale:
    'SNS stores messages until they are delivered. Unlike SQS, SNS has no encryption unless a KMS key is set on ' +
    'the topic, so message bodies, which often carry personal or business data, sit unencrypted.',
  remediation: {
    text: 'Set KmsMasterKeyId on the topic: a customer managed key (which must let the publishing services use it) or alias/aws/sns.',
    cloudformation: `OrderEvents:
  Type: AWS::SNS::Topic
  Properties:
    KmsMasterKeyId: !Ref MessagingKey`,
  },
  frameworks: {
    fsbp: ['SNS.1'],
    nist80053: ['SC-28'],
    hipaa: ['164.312(a)(2)(iv)'],
    iso27001: ['A.8.24'],
    soc2: ['CC6.1'],
  },
  resourceTypes: ['AWS::SNS::Topic'],
  reads: ['kmsMasterKeyId'],
  evaluate: (topic) =>
    judgeFor(`topic ${topic.name}`, topic.kmsMasterKeyId, (key) =>
      key !== null
        ? pass(`topic ${topic.name}: encrypted with KMS key ${shown(key)}`)
        : fail(
            `topic ${topic.name}: KmsMasterKeyId is not set${at(topic.kmsMasterKeyId.source)}, so messages are stored unencrypted`,
          ),
    ),
});
