import { escalationsOf, type PathResult } from '../../iam/escalation.js';
import { cannotTell, defineCheck, fail, pass } from '../check.js';
import { fullAdminOf, kindOf, principalFor, setAsideNote, some } from './iam-wording.js';

function describe(r: PathResult): string {
  const steps = r.steps.map(
    (s) => `${s.action} on ${s.target}${s.decision === 'Unknown' ? ' (conditional)' : ''}`,
  );
  return `[${r.path.id}] ${r.path.title}: ${steps.join(' + ')}; ${r.path.gains}`;
}

export const iamNoPrivilegeEscalation = defineCheck({
  id: 'iam-no-privilege-escalation',
  title: 'IAM principals cannot escalate their own privileges',
  severity: 'high',
  area: 'iam.cloud',
  rationale:
    "Some permissions are administrator access by another name: changing one's own policies, creating keys " +
    "for other users, or passing a powerful role to a service that runs one's code (EC2, Lambda, Glue, " +
    'CloudFormation, CodeBuild, ECS, SageMaker…). The check evaluates some forty known escalation paths against ' +
    "the principal's policies, permissions boundary and SCPs, with iam:PassedToService set for iam:PassRole, " +
    'so a PassRole limited to one service or a boundary that forbids the step is honoured.',
  remediation: {
    text:
      'Scope iam:PassRole to the roles the workload must pass and add an iam:PassedToService condition; keep ' +
      'IAM write actions (policies, keys, login profiles, group membership, trust policies) away from workload ' +
      'principals, or bound them with a permissions boundary that forbids changing boundaries and policies.',
    cloudformation: `DeployPolicy:
  Type: AWS::IAM::ManagedPolicy
  Properties:
    PolicyDocument:
      Version: '2012-10-17'
      Statement:
        - Effect: Allow
          Action: iam:PassRole
          Resource: !GetAtt FunctionRole.Arn
          Condition:
            StringEquals:
              iam:PassedToService: lambda.amazonaws.com`,
  },
  frameworks: {
    nist80053: ['AC-6', 'AC-6(1)', 'AC-5'],
    pci: ['7.2.2'],
    iso27001: ['A.8.2', 'A.5.15'],
    soc2: ['CC6.1', 'CC6.3'],
  },
  resourceTypes: ['AWS::IAM::Role', 'AWS::IAM::User'],
  reads: ['inlinePolicies', 'managedPolicyArns', 'permissionsBoundary', 'groups', 'assumeRolePolicy'],
  evaluate: (resource, context) => {
    const { principal, setAside, inventory } = principalFor(resource, context);
    const label = `${kindOf(resource)} ${resource.name}`;
    // An administrator has nothing to escalate to; iam-policy-no-full-admin reports it.
    if (fullAdminOf(resource, context).answer.status === 'yes') {
      return pass(
        `${label} already has full administrator access (see iam-policy-no-full-admin)`,
        resource.source,
      );
    }
    const found = escalationsOf(inventory, principal);
    const sure = found.filter((r) => r.status === 'yes');
    if (sure.length)
      return fail(`${label} can escalate its privileges: ${some(sure.map(describe), 3)}`, resource.source);
    if (found.length) {
      const depends = [...new Set(found.flatMap((r) => r.steps.flatMap((s) => s.dependsOn)))];
      return cannotTell(
        `${label} may escalate its privileges, depending on ${some(depends)}: ${some(found.map(describe), 3)}`,
        resource.source,
      );
    }
    return pass(
      `${label} can take none of the known privilege-escalation paths${setAsideNote(setAside)}`,
      resource.source,
    );
  },
});
