import { cannotTell, defineCheck, fail, pass } from '../check.js';

const MAX_IDLE_DAYS = 90;
const DAY = 24 * 60 * 60 * 1000;

function daysSince(iso: string, now: Date): number | undefined {
  const t = Date.parse(iso);
  return Number.isFinite(t) ? Math.floor((now.getTime() - t) / DAY) : undefined;
}

export const iamRoleUnused = defineCheck({
  id: 'iam-role-unused',
  title: 'IAM roles unused for 90 days are removed',
  severity: 'low',
  area: 'iam.cloud',
  rationale:
    'A role nobody assumes still carries its permissions and its trust: whoever can assume it keeps a door ' +
    'nobody watches. IAM records when each role was last used; removing roles idle for 90 days (the default of ' +
    "IAM Access Analyzer's unused-access findings) keeps the attack surface to what is in use.",
  remediation: {
    text:
      'Confirm with the owner, then delete the role (or remove it from the template that creates it). IAM Access ' +
      'Analyzer unused-access findings list such roles continuously.',
    cloudformation: '# Remove the unused AWS::IAM::Role resource from the template.',
  },
  frameworks: {
    nist80053: ['AC-2', 'AC-2(1)'],
    pci: ['8.2.6'],
    iso27001: ['A.5.18'],
    soc2: ['CC6.2'],
  },
  resourceTypes: ['AWS::IAM::Role'],
  reads: ['lastUsed', 'createdAt'],
  evaluate: (role, context) => {
    // Service-linked roles belong to AWS services, which delete them with the feature that uses them.
    if (role.arn?.includes(':role/aws-service-role/') || role.name.startsWith('AWSServiceRoleFor')) return [];
    const last = role.lastUsed;
    if (!last.known) return cannotTell(`role ${role.name}: last use unknown: ${last.reason}`, last.source);
    if (last.value !== null) {
      const days = daysSince(last.value, context.now);
      if (days === undefined)
        return cannotTell(`role ${role.name}: last use "${last.value}" is not a date`, last.source);
      if (days >= MAX_IDLE_DAYS) return fail(`role ${role.name} was last used ${days} days ago`, last.source);
      return pass(`role ${role.name} was used ${days} days ago`, last.source);
    }
    const created = role.createdAt;
    const age = created?.known ? daysSince(created.value, context.now) : undefined;
    if (age === undefined)
      return cannotTell(
        `role ${role.name} has no recorded use, and its creation date is unknown`,
        last.source,
      );
    if (age >= MAX_IDLE_DAYS)
      return fail(`role ${role.name} has not been used since it was created ${age} days ago`, last.source);
    return pass(`role ${role.name} is ${age} days old and not used yet`, last.source);
  },
});
