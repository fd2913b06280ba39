import type { ConditionBlock, PolicyDocument, PolicyStatement, Principal } from './policy.js';

function toStringList(value: unknown): string[] | undefined {
  if (typeof value === 'string') return [value];
  if (typeof value === 'number' || typeof value === 'boolean') return [String(value)];
  if (Array.isArray(value) && value.every(isScalar)) return value.map(String);
  return undefined;
}

function isScalar(v: unknown): boolean {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

function parsePrincipal(value: unknown): Principal | undefined {
  if (value === '*') return '*';
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const out: Record<string, string[]> = {};
  for (const [kind, ids] of Object.entries(value)) {
    const list = toStringList(ids);
    if (!list) return undefined;
    out[kind] = list;
  }
  return out;
}

function parseCondition(value: unknown): ConditionBlock | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const out: ConditionBlock = {};
  for (const [operator, entries] of Object.entries(value)) {
    if (!entries || typeof entries !== 'object' || Array.isArray(entries)) return undefined;
    const keys: Record<string, string[]> = {};
    for (const [key, values] of Object.entries(entries)) {
      const list = toStringList(values);
      if (!list) return undefined;
      keys[key] = list;
    }
    out[operator] = keys;
  }
  return out;
}

const CANONICAL_KEYS = new Set([
  'Version',
  'Id',
  'Statement',
  'Sid',
  'Effect',
  'Principal',
  'NotPrincipal',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Condition',
]);

/**
 * Case-insensitive property lookup: AWS accepts `effect` as well as `Effect` in practice. Most
 * documents spell every key canonically, and then a missing key is simply missing.
 */
function fieldsOf(object: Record<string, unknown>): (name: string) => unknown {
  let byLowerCase: Map<string, string> | undefined;
  for (const key in object) {
    if (CANONICAL_KEYS.has(key)) continue;
    byLowerCase = new Map(Object.keys(object).map((k) => [k.toLowerCase(), k]));
    break;
  }
  return (name) => {
    if (name in object) return object[name];
    const key = byLowerCase?.get(name.toLowerCase());
    return key === undefined ? undefined : object[key];
  };
}

/**
 * Normalises an IAM policy document (identity, resource or trust policy). Accepts a JSON string
 * or an object. Malformed statements are reported in `problems` instead of throwing.
 */
export function parsePolicyDocument(raw: unknown): PolicyDocument {
  let doc = raw;
  if (typeof raw === 'string') {
    try {
      doc = JSON.parse(raw);
    } catch {
      return { statements: [], problems: ['policy document is not valid JSON'] };
    }
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) {
    return { statements: [], problems: ['policy document is not an object'] };
  }
  const body = fieldsOf(doc as Record<string, unknown>);
  const rawStatements = body('Statement');
  const list = Array.isArray(rawStatements) ? rawStatements : rawStatements ? [rawStatements] : [];
  const statements: PolicyStatement[] = [];
  const problems: string[] = [];
  list.forEach((item, index) => {
    const label = `statement ${index + 1}`;
    if (!item || typeof item !== 'object' || Array.isArray(item)) {
      problems.push(`${label} is not an object`);
      return;
    }
    const field = fieldsOf(item as Record<string, unknown>);
    const effect = field('Effect');
    if (effect !== 'Allow' && effect !== 'Deny') {
      problems.push(`${label}: Effect must be Allow or Deny`);
      return;
    }
    const statement: PolicyStatement = { effect, index };
    const sid = field('Sid');
    if (typeof sid === 'string') statement.sid = sid;
    for (const [name, key] of [
      ['Action', 'action'],
      ['NotAction', 'notAction'],
      ['Resource', 'resource'],
      ['NotResource', 'notResource'],
    ] as const) {
      const value = field(name);
      if (value === undefined) continue;
      const parsed = toStringList(value);
      if (parsed) statement[key] = parsed;
      else problems.push(`${label}: ${name} is not a string or list of strings`);
    }
    for (const [name, key] of [
      ['Principal', 'principal'],
      ['NotPrincipal', 'notPrincipal'],
    ] as const) {
      const value = field(name);
      if (value === undefined) continue;
      const parsed = parsePrincipal(value);
      if (parsed) statement[key] = parsed;
      else problems.push(`${label}: ${name} is malformed`);
    }
    const condition = field('Condition');
    if (condition !== undefined) {
      const parsed = parseCondition(condition);
      if (parsed) statement.condition = parsed;
      else problems.push(`${label}: Condition is malformed`);
    }
    statements.push(statement);
  });
  const version = body('Version');
  return { ...(typeof version === 'string' ? { version } : {}), statements, problems };
}
