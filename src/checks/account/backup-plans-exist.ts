import { cannotTell, defineCheck, fail, pass } from '../check.js';

export const backupPlansExist = defineCheck({
  id: 'backup-plans-exist',
  title: 'AWS Backup has at least one backup plan',
  severity: 'low',
  area: 'res.backup',
  rationale:
    "AWS keeps services running; it does not keep copies of the customer's data beyond what each service " +
    'offers. A backup plan is how the customer schedules copies that survive deletion and ransomware. One ' +
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
  reads: ['backupPlanCount'],
  evaluate: (account) => {
    const counts = account.regions.map((r) => ({ region: r.region, value: r.backupPlanCount }));
    const withPlans = counts.filter((c) => c.value.known && c.value.value > 0);
    if (withPlans.length > 0) {
      const where = withPlans.map((c) => `${c.region} (${c.value.known ? c.value.value : 0})`).join(', ');
      return pass(`backup plans exist in ${where}`, withPlans[0]?.value.source);
    }
    const unclear = counts.find((c) => !c.value.known);
    if (unclear && !unclear.value.known)
      return cannotTell(`${unclear.region}: ${unclear.value.reason}`, unclear.value.source);
    if (counts.length === 0) return cannotTell('no region was scanned', account.source);
    return fail(`no AWS Backup plan in any scanned region (${counts.map((c) => c.region).join(', ')})`);
  },
});
