import type { CredentialReportRow } from '../../model/resources/index.js';
import { cannotTell, defineCheck, fail, judge, pass } from '../check.js';
import { count, daysSince, noTemplate, reportUsers, someOf } from './account-helpers.js';

const MAX_IDLE_DAYS = 45;

/**
 * What is idle about one user: an enabled password or an active key not used for 45 days. A
 * never-used credential is idle once it is 45 days old (from when it was set or created).
 */
function idleCredentials(user: CredentialReportRow, now: Date): { idle: string[]; unknown: boolean } {
  const idle: string[] = [];
  let unknown = false;
  const age = (iso: string | null | undefined) => (iso ? daysSince(iso, now) : undefined);
  if (user.passwordEnabled) {
    const since = user.passwordLastUsed ?? user.passwordLastChanged ?? user.userCreated;
    const days = age(since);
    if (days === undefined) unknown = true;
    else if (days >= MAX_IDLE_DAYS)
      idle.push(
        user.passwordLastUsed ? `password unused for ${days} days` : `password never used in ${days} days`,
      );
  }
  user.accessKeys.forEach((key, i) => {
    if (!key.active) return;
    const days = age(key.lastUsed ?? key.lastRotated);
    if (days === undefined) unknown = true;
    else if (days >= MAX_IDLE_DAYS)
      idle.push(
        key.lastUsed ? `key ${i + 1} unused for ${days} days` : `key ${i + 1} never used in ${days} days`,
      );
  });
  return { idle, unknown };
}

export const iamCredentialsUnused45Days = defineCheck({
  id: 'iam-credentials-unused-45-days',
  title: 'IAM user credentials unused for 45 days are disabled',
  severity: 'medium',
  area: 'iam.cloud',
  rationale:
    'A password or access key nobody uses still works for whoever finds it, and nobody notices its use. ' +
    'Disabling credentials after 45 idle days removes that standing risk.',
  remediation: {
    text: 'Remove the console password or deactivate the access key of each listed credential; delete users who no longer need access.',
    cloudformation: noTemplate(
      'aws iam delete-login-profile / aws iam update-access-key --status Inactive for each idle credential.',
    ),
  },
  frameworks: {
    cis: ['1.12'],
    fsbp: ['IAM.22'],
    nist80053: ['AC-2', 'IA-5'],
    pci: ['8.2.6'],
    iso27001: ['A.5.18'],
    soc2: ['CC6.2'],
  },
  resourceTypes: ['AWS::Account'],
  reads: ['credentialReport'],
  evaluate: (account, context) =>
    judge(reportUsers(account), (users) => {
      const findings: string[] = [];
      const unclear: string[] = [];
      for (const user of users) {
        const { idle, unknown } = idleCredentials(user, context.now);
        if (idle.length > 0) findings.push(`${user.user} (${idle.join(', ')})`);
        else if (unknown) unclear.push(user.user);
      }
      if (findings.length > 0)
        return fail(
          `${count(findings.length, 'user')} with credentials idle for ${MAX_IDLE_DAYS}+ days: ${someOf(findings)}`,
        );
      if (unclear.length > 0)
        return cannotTell(`the credential report gives no usable dates for ${someOf(unclear)}`);
      return pass(`no enabled IAM user credential has been idle for ${MAX_IDLE_DAYS} days`);
    }),
});
