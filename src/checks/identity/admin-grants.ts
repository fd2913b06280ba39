import type { PolicyDocument } from '../../model/policy.js';
import type { IamManagedPolicy, IamRole, IamUser } from '../../model/resources/index.js';
import type { SourceRef, Value } from '../../model/value.js';
import type { CheckContext } from '../check.js';
import { at } from '../data/wording.js';
import { describeStatement, grantsFullAdmin, isAdministratorAccessArn } from '../policy-helpers.js';

/** What one principal or policy grants, split into known full-admin grants and ones we cannot tell. */
export interface AdminGrants {
  grants: string[];
  doubts: string[];
  evidence?: SourceRef;
}

function inspectDocument(label: string, document: Value<PolicyDocument>, out: AdminGrants): void {
  if (!document.known) {
    out.doubts.push(`${label} is unknown (${document.reason})`);
    return;
  }
  for (const statement of document.value.statements) {
    const answer = grantsFullAdmin(statement);
    if (answer === 'yes') {
      out.grants.push(
        `${label} ${describeStatement(statement)} allows Action "*" on Resource "*"${at(document.source)}`,
      );
      out.evidence ??= document.source;
    } else if (answer === 'unknown') {
      out.doubts.push(
        `${label} ${describeStatement(statement)} has an action or resource known only at deploy time`,
      );
    }
  }
}

/** `{{LogicalId}}` names a resource of the same template. */
function templateRef(value: string): string | undefined {
  const match = /^\{\{([^:{}]+)\}\}$/.exec(value);
  return match?.[1];
}

function inspectManagedArns(principal: IamRole | IamUser, context: CheckContext, out: AdminGrants): void {
  for (const arn of principal.managedPolicyArns) {
    if (!arn.known) {
      out.doubts.push(`an attached managed policy is unknown (${arn.reason})`);
      continue;
    }
    if (isAdministratorAccessArn(arn.value)) {
      out.grants.push(`the AWS managed policy AdministratorAccess is attached${at(arn.source)}`);
      out.evidence ??= arn.source;
      continue;
    }
    const ref = templateRef(arn.value);
    const policy = ref ? context.resourceById(ref) : undefined;
    if (policy?.type === 'AWS::IAM::ManagedPolicy') {
      inspectDocument(`attached managed policy ${policy.name}`, policy.document, out);
    }
  }
}

/** Full-admin grants of a managed policy's own document, or of everything a role or user carries. */
export function adminGrantsOf(
  resource: IamManagedPolicy | IamRole | IamUser,
  context: CheckContext,
): AdminGrants {
  const out: AdminGrants = { grants: [], doubts: [] };
  if (resource.type === 'AWS::IAM::ManagedPolicy') {
    inspectDocument('its document', resource.document, out);
    return out;
  }
  for (const inline of resource.inlinePolicies) {
    const label = inline.via ? `policy ${inline.name} (${inline.via})` : `inline policy ${inline.name}`;
    inspectDocument(label, inline.document, out);
  }
  inspectManagedArns(resource, context, out);
  return out;
}
