/** ARN helpers, and the kinds of principal a request can come from. */

export interface Arn {
  partition: string;
  service: string;
  region: string;
  account: string;
  resource: string;
}

/** Splits on colons outside template tokens: `{{AWS::AccountId}}` is one value. */
function splitArn(s: string): string[] {
  if (!s.includes('{{')) return s.split(':');
  const parts: string[] = [];
  let current = '';
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    if (s.startsWith('{{', i)) depth++;
    if (s.startsWith('}}', i) && depth > 0) depth--;
    if (s[i] === ':' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += s[i];
  }
  parts.push(current);
  return parts;
}

export function parseArn(s: string): Arn | undefined {
  if (!s.startsWith('arn:')) return undefined;
  const parts = splitArn(s);
  if (parts.length < 6) return undefined;
  const [, partition = '', service = '', region = '', account = ''] = parts;
  return { partition, service, region, account, resource: parts.slice(5).join(':') };
}

export function isAccountId(s: string): boolean {
  return /^\d{12}$/.test(s);
}

/** The account an ARN belongs to, or the id itself for a bare 12-digit account. */
export function accountOf(s: string): string | undefined {
  if (isAccountId(s)) return s;
  const arn = parseArn(s);
  return arn?.account ? arn.account : undefined;
}

export type PrincipalType = 'user' | 'role' | 'session' | 'root' | 'service' | 'federated' | 'anonymous';

/** What a principal string names: `*`, a service (`lambda.amazonaws.com`), an identity provider, or an IAM ARN. */
export function principalTypeOf(s: string): PrincipalType {
  if (s === '*' || s === 'anonymous') return 'anonymous';
  const arn = parseArn(s);
  // Cognito identity pools federate web identities, though the name looks like a service's.
  if (!arn)
    return /\.amazonaws\.com(\.cn)?$/.test(s) && s !== 'cognito-identity.amazonaws.com'
      ? 'service'
      : 'federated';
  if (arn.service === 'sts' && arn.resource.startsWith('assumed-role/')) return 'session';
  if (arn.resource === 'root') return 'root';
  if (arn.resource.startsWith('user/')) return 'user';
  if (arn.resource.startsWith('role/')) return 'role';
  if (arn.resource.startsWith('oidc-provider/') || arn.resource.startsWith('saml-provider/'))
    return 'federated';
  return 'user';
}

/** `arn:aws:sts::1:assumed-role/Name/session` → `arn:aws:iam::1:role/Name` (paths are not in session ARNs). */
export function roleOfSession(s: string): string | undefined {
  const arn = parseArn(s);
  const m = arn && /^assumed-role\/([^/]+)\//.exec(arn.resource);
  return m ? `arn:${arn.partition}:iam::${arn.account}:role/${m[1]}` : undefined;
}

/** The user or role name at the end of an IAM ARN, without its path. */
export function nameOfArn(s: string): string | undefined {
  const arn = parseArn(s);
  if (!arn) return undefined;
  const parts = arn.resource.split('/');
  return parts.length > 1 ? parts[parts.length - 1] : undefined;
}

export function rootArn(account: string, partition = 'aws'): string {
  return `arn:${partition}:iam::${account}:root`;
}
