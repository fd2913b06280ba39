import { cannotTell, defineCheck, fail, pass } from '../check.js';
import { count } from './account-helpers.js';

export const backupPlansExist = defineCheck({
  id: 'backup-plans-exist',
  title: 'AWS Backup has at least one backup plan that selects resources',
  severity: 'low',
  area: 'res.backup',
  rationale:
    "AWS keeps services running; it does not keep copies of the customer's data beyond what each service " +
    'offers. A backup plan is how the customer schedules copies that survive deletion and ransomware, and a ' +
    'plan protects only what a resource selection assigns to it: a plan without one backs up nothing. One ' +
    "answer for the account, since one region's plans may protect resources everywhere through copy rules.",
  remediation: {
    text: 'Create an AWS Backup plan with a schedule and retention that meets your recovery objectives, and assign your resources to it.',
    cloudformation: `BackupPlan:
  Type: AWS::Backup::BackupPlan
  Properties:
    BackupPlan:
      BackupPlanName: daily
      BackupPlanRule:
        - RuleName: daily-35-days
          TargetBackupVault: Default
          ScheduleExpression: cron(0 5 * * ? *)
          Lifecycle: { DeleteAfterDays: 35 }`,
  },
  frameworks: {
    nist80053: ['CP-9'],
    hipaa: ['164.308(a)(7)(ii)(A)'],
    iso27001: ['A.8.13'],
    soc2: ['A1.2'],
  },
  resourceTypes: ['AWS::Account'],
  reads: ['backupPlanCount', 'backupSelectionCount'],
  evaluate: (account) => {
    if (account.regions.length === 0) return cannotTell('no region was scanned', account.source);
    const counts = account.regions.map((r) => ({
      region: r.region,
      plans: r.backupPlanCount,
      selections: r.backupSelectionCount,
    }));
    // A plan protects something only through a resource selection (a backup assignment).
    const protecting = counts.filter(
      (c) => c.plans.known && c.plans.value > 0 && c.selections.known && c.selections.value > 0,
    );
    if (protecting.length > 0) {
      const where = protecting
        .map((c) =>
          c.plans.known && c.selections.known
            ? `${c.region} (${count(c.plans.value, 'plan')}, ${count(c.selections.value, 'resource selection')})`
            : c.region,
        )
        .join(', ');
      return pass(
        `backup plans with resource selections exist in ${where}`,
        protecting[0]?.selections.source,
      );
    }
    for (const c of counts) {
      if (!c.plans.known) return cannotTell(`${c.region}: ${c.plans.reason}`, c.plans.source);
      if (c.plans.value > 0 && !c.selections.known)
        return cannotTell(`${c.region}: ${c.selections.reason}`, c.selections.source);
    }
    const empty = counts.filter((c) => c.plans.known && c.plans.value > 0);
    if (empty.length > 0)
      return fail(
        `backup plans exist but select no resources, so they protect nothing: ${empty
          .map((c) => `${c.region} (${c.plans.known ? count(c.plans.value, 'plan') : ''})`)
          .join(', ')}`,
        empty[0]?.selections.source,
      );
    return fail(`no AWS Backup plan in any scanned region (${counts.map((c) => c.region).join(', ')})`);
  },
});
