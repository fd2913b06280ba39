/**
 * The outsider an exposure analysis asks on behalf of. They administer their own AWS account
 * (outside the customer's organization), so they can pick request values that suit them, call
 * from their own resources through AWS services, and use any source address; what they lack are
 * the values only the customer's callers carry: the customer's organization id, a source ARN or
 * account of the customer's, a VPC endpoint, an external id.
 */
import { actionsOf, sampleArn } from './action-catalog.js';
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

/** Services that call other services on a customer's behalf (the confused-deputy route). */
const SOURCE_SERVICES = [
  'cloudfront',
  's3',
  'sns',
  'sqs',
  'lambda',
  'events',
  'logs',
  'cloudtrail',
  'config',
  'apigateway',
  'elasticloadbalancing',
  'ses',
  'iot',
  'kinesis',
  'firehose',
  'states',
  'codebuild',
  'ec2',
  'cloudwatch',
  'backup',
];

let sources: string[] | undefined;

/** ARNs of resources the stranger owns, one per service, as aws:SourceArn values of their requests. */
function strangerSourceArns(): string[] {
  sources ??= SOURCE_SERVICES.flatMap((svc) => {
    const action = actionsOf(svc).find((a) => a.resourceTypes.length > 0);
    const arn =
      action &&
      sampleArn(action, { region: 'us-east-1', account: STRANGER_ACCOUNT, name: 'whoowns-stranger' });
    return arn ? [arn] : [];
  });
  return sources;
}

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
        'aws:SourceArn': strangerSourceArns(),
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
