import { cannotTell, defineCheck, fail, pass, type Verdict } from '../check.js';
import { count, noTemplate, someOf } from './account-helpers.js';

/**
 * FSBP SSM.2. Patch compliance is reported per instance by Systems Manager, but one listing per
 * region answers it for every instance, so the check reads the account's regional lists and gives
 * one verdict per region, naming the non-compliant instances.
 */
export const ssmPatchCompliance = defineCheck({
  id: 'ssm-patch-compliance',
  title: 'EC2 instances managed by Systems Manager are patch compliant',
  severity: 'medium',
  area: 'os.patch',
  rationale:
    "On EC2 the guest operating system is the customer's to patch. Systems Manager Patch Manager records, " +
    'per managed instance, whether the patches its baseline requires are installed; an instance reported ' +
    'NON_COMPLIANT is missing security updates the customer has approved. Only a live scan can tell.',
  remediation: {
    text:
      'Patch the non-compliant instances (Patch Manager: AWS-RunPatchBaseline with Operation=Install, or a ' +
      'patch policy in Quick Setup) and schedule it, e.g. with a maintenance window.',
    cloudformation: noTemplate(
      'aws ssm send-command --document-name AWS-RunPatchBaseline --parameters Operation=Install --targets Key=InstanceIds,Values=<ids>',
    ),
  },
  frameworks: {
    fsbp: ['SSM.2'],
    nist80053: ['SI-2'],
  },
  resourceTypes: ['AWS::Account'],
  reads: ['patchNonCompliantInstanceIds', 'patchCompliantInstanceIds'],
  evaluate: (account) => {
    if (account.regions.length === 0) return cannotTell('no region was scanned', account.source);
    const verdicts: Verdict[] = [];
    for (const settings of account.regions) {
      const bad = settings.patchNonCompliantInstanceIds;
      const good = settings.patchCompliantInstanceIds;
      if (bad.known && bad.value.length > 0) {
        verdicts.push(
          fail(
            `${settings.region}: ${count(bad.value.length, 'instance')} not patch compliant: ${someOf(bad.value)}`,
            bad.source,
          ),
        );
        continue;
      }
      if (!bad.known) {
        verdicts.push(cannotTell(`${settings.region}: ${bad.reason}`, bad.source));
        continue;
      }
      if (!good.known) {
        verdicts.push(cannotTell(`${settings.region}: ${good.reason}`, good.source));
        continue;
      }
      // No instance reports patch compliance in this region: nothing to judge.
      if (good.value.length === 0) continue;
      verdicts.push(
        pass(`${settings.region}: ${count(good.value.length, 'instance')} patch compliant`, good.source),
      );
    }
    return verdicts;
  },
});
