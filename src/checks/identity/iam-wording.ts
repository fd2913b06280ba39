/** Shared wording for the IAM analysis checks. */

import { type AnalyzedPrincipal, principalIndex, withoutNarrowAwsPolicies } from '../../iam/principals.js';
import { fullAdmin, type PrivilegeAnswer } from '../../iam/privileges.js';
import type { Inventory } from '../../model/inventory.js';
import type { IamRole, IamUser } from '../../model/resources/index.js';
import type { CheckContext } from '../check.js';
import { listing, shown } from '../data/wording.js';

/** "a, b, c and 4 more". */
export function some(items: readonly string[], max = 4): string {
  if (items.length <= max) return listing(items.map(shown));
  return `${items.slice(0, max).map(shown).join(', ')} and ${items.length - max} more`;
}

/** The principal as the shared index sees it, with unread narrow AWS managed policies set aside. */
export function principalFor(
  resource: IamRole | IamUser,
  context: CheckContext,
): { principal: AnalyzedPrincipal; setAside: string[]; inventory: Inventory } {
  const inventory = context.inventory;
  const index = context.shared('iam:principals', () => principalIndex(inventory));
  const found = index.byId.get(resource.id) ?? index.principals.find((p) => p.resource === resource);
  if (!found) throw new Error(`principal ${resource.id} is not in the inventory`);
  return { ...withoutNarrowAwsPolicies(found), inventory };
}

/** Whether a role or user has full administrator access: asked by several checks, answered once. */
export function fullAdminOf(
  resource: IamRole | IamUser,
  context: CheckContext,
): { answer: PrivilegeAnswer; setAside: string[] } {
  return context.shared(`iam:full-admin:${resource.id}`, () => {
    const { principal, setAside, inventory } = principalFor(resource, context);
    return { answer: fullAdmin(inventory, principal), setAside };
  });
}

/** Notes the AWS managed policies an answer could not read, so a PASS says what it rests on. */
export function setAsideNote(setAside: readonly string[]): string {
  return setAside.length
    ? ` (AWS managed ${setAside.length === 1 ? 'policy' : 'policies'} ${listing(setAside)} not read: their documents are not in this inventory, and policies of that kind grant neither administration nor IAM changes)`
    : '';
}

export function kindOf(resource: { type: string }): string {
  return resource.type === 'AWS::IAM::Role'
    ? 'role'
    : resource.type === 'AWS::IAM::User'
      ? 'user'
      : 'managed policy';
}
