import type { CredentialReportRow } from '../../../model/resources/index.js';

function cell(value: string | undefined): string | null {
  if (
    value === undefined ||
    value === '' ||
    value === 'N/A' ||
    value === 'no_information' ||
    value === 'not_supported'
  )
    return null;
  return value;
}

/**
 * Parses the IAM credential report CSV. Its columns are documented and stable; the file has no
 * quoted commas, but users' names come from the account, so nothing here is trusted beyond text.
 */
export function parseCredentialReport(csv: string): CredentialReportRow[] {
  const [header, ...lines] = csv.trim().split(/\r?\n/);
  if (!header) return [];
  const columns = header.split(',');
  const index = (name: string) => columns.indexOf(name);
  return lines
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const cells = line.split(',');
      const get = (name: string) => cells[index(name)];
      const keys = [1, 2].map((n) => ({
        active: get(`access_key_${n}_active`) === 'true',
        lastRotated: cell(get(`access_key_${n}_last_rotated`)),
        lastUsed: cell(get(`access_key_${n}_last_used_date`)),
      }));
      return {
        user: get('user') ?? '',
        arn: get('arn') ?? '',
        passwordEnabled: get('password_enabled') === 'true',
        passwordLastUsed: cell(get('password_last_used')),
        mfaActive: get('mfa_active') === 'true',
        userCreated: cell(get('user_creation_time')),
        passwordLastChanged: cell(get('password_last_changed')),
        accessKeys: keys.filter((k) => k.active || k.lastRotated !== null),
      };
    });
}
