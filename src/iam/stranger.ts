/**
 * The outsider an exposure analysis asks on behalf of. They administer their own AWS account
 * (outside the customer's organization), so they can pick request values that suit them, call
 * from their own resources through AWS services, and use any source address; what they lack are
 * the values only the customer's callers carry: the customer's organization id, a source ARN or
 * account of the customer's, a VPC endpoint, an external id.
 */
import { type KeyState, makeContext, type RequestContext } from './context.js';
import type { NamedPolicy } from './evaluate.js';

export const STRANGER_ACCOUNT = '999999999999';
export const STRANGER_ORG = 'o-whoownsstrngr';
export const STRANGER_ARN = `arn:aws:iam::${STRANGER_ACCOUNT}:role/whoowns-stranger`;

/** Keys only the customer's own callers carry. */
const INSIDER_KEYS = new Set([
  'aws:principalorgid',
  'aws:principalorgpaths',
  'aws:sourcearn',
  'aws:sourceaccount',
  'aws:sourceowner',
  'aws:sourceorgid',
  'aws:sourceorgpaths',
  'aws:sourcevpc',
  'aws:sourcevpce',
  'aws:vpcsourceip',
  'aws:userid',
  'sts:externalid',
  's3:dataaccesspointaccount',
  's3:dataaccesspointarn',
  'aws:principalservicename',
]);

function keyState(key: string): KeyState {
  if (INSIDER_KEYS.has(key)) return 'absent';
  // Source addresses and web identity claims (`token.actions.githubusercontent.com:sub`) are the stranger's own.
  if (key === 'aws:sourceip' || /^[a-z0-9-]+(\.[a-z0-9-]+)+(\/[^:]*)?:/.test(key)) return 'arbitrary';
  return 'chosen';
}

export function strangerContext(
  extra: Readonly<Record<string, string | readonly string[] | { state: KeyState }>> = {},
): RequestContext {
  return makeContext(extra, keyState);
}

/**
 * The stranger's own resources, one per service that calls other services on its owner's behalf
 * (the confused-deputy route), as the aws:SourceArn of those calls: a bucket sending events, a
 * topic or rule delivering, a function, an API stage invoking Lambda, a trail or log group
 * writing, a state machine, a build project, an alarm, a backup vault. Each is the kind of
 * resource AWS names in SourceArn for that service; written out because they are facts about AWS,
 * and deriving them from the action catalog meant loading twenty services' actions on every scan.
 */
const STRANGER_SOURCE_ARNS: readonly string[] = [
  `arn:aws:cloudfront::${STRANGER_ACCOUNT}:distribution/whoowns-stranger`,
  'arn:aws:s3:::whoowns-stranger',
  `arn:aws:sns:us-east-1:${STRANGER_ACCOUNT}:whoowns-stranger`,
  `arn:aws:sqs:us-east-1:${STRANGER_ACCOUNT}:whoowns-stranger`,
  `arn:aws:lambda:us-east-1:${STRANGER_ACCOUNT}:function:whoowns-stranger`,
  `arn:aws:events:us-east-1:${STRANGER_ACCOUNT}:rule/whoowns-stranger`,
  `arn:aws:logs:us-east-1:${STRANGER_ACCOUNT}:log-group:whoowns-stranger`,
  `arn:aws:cloudtrail:us-east-1:${STRANGER_ACCOUNT}:trail/whoowns-stranger`,
  `arn:aws:config:us-east-1:${STRANGER_ACCOUNT}:config-rule/whoowns-stranger`,
  `arn:aws:execute-api:us-east-1:${STRANGER_ACCOUNT}:whoowns-stranger/prod/GET/`,
  `arn:aws:elasticloadbalancing:us-east-1:${STRANGER_ACCOUNT}:targetgroup/whoowns-stranger/0123456789abcdef`,
  `arn:aws:ses:us-east-1:${STRANGER_ACCOUNT}:configuration-set/whoowns-stranger`,
  `arn:aws:iot:us-east-1:${STRANGER_ACCOUNT}:rule/whoowns_stranger`,
  `arn:aws:kinesis:us-east-1:${STRANGER_ACCOUNT}:stream/whoowns-stranger`,
  `arn:aws:firehose:us-east-1:${STRANGER_ACCOUNT}:deliverystream/whoowns-stranger`,
  `arn:aws:states:us-east-1:${STRANGER_ACCOUNT}:stateMachine:whoowns-stranger`,
  `arn:aws:codebuild:us-east-1:${STRANGER_ACCOUNT}:project/whoowns-stranger`,
  `arn:aws:ec2:us-east-1:${STRANGER_ACCOUNT}:instance/i-0123456789abcdef0`,
  `arn:aws:cloudwatch:us-east-1:${STRANGER_ACCOUNT}:alarm:whoowns-stranger`,
  `arn:aws:backup:us-east-1:${STRANGER_ACCOUNT}:backup-vault:whoowns-stranger`,
];

const contexts = new Map<string, RequestContext[]>();

/**
 * Two strangers: one calling directly from an account in no organization, one calling through
 * AWS services from their own resources, in an organization of their own. IfExists and negated
 * conditions let the first in; wildcard source conditions the second.
 */
export function strangerContexts(
  facts: Readonly<Record<string, string | { state: KeyState }>>,
): RequestContext[] {
  // Most resources have no facts of their own: build the two contexts once per distinct set.
  const key = JSON.stringify(facts);
  let found = contexts.get(key);
  if (!found) {
    found = [
      strangerContext(facts),
      strangerContext({
        ...facts,
        'aws:PrincipalOrgID': STRANGER_ORG,
        'aws:PrincipalOrgPaths': `${STRANGER_ORG}/r-strg/`,
        'aws:SourceAccount': STRANGER_ACCOUNT,
        'aws:SourceOwner': STRANGER_ACCOUNT,
        'aws:SourceOrgID': STRANGER_ORG,
        'aws:SourceArn': STRANGER_SOURCE_ARNS,
      }),
    ];
    if (contexts.size > 1000) contexts.clear();
    contexts.set(key, found);
  }
  return found;
}

/** The stranger administers their own account: their side allows everything. */
export const STRANGER_IDENTITY: NamedPolicy = {
  name: "the caller's own administrator policy",
  document: {
    version: '2012-10-17',
    statements: [{ effect: 'Allow', action: ['*'], resource: ['*'], index: 0 }],
    problems: [],
  },
};
