/**
 * Cross-file rules the per-file schemas cannot express: ids unique, every reference resolves,
 * every category covers every area. Each problem names its file and JSON path.
 */
import type { AreasFile, CategoriesFile, FrameworksFile, ServicesFile } from './schema.js';
import { SERVICE_CATEGORIES } from './schema.js';

export interface CatalogProblem {
  file: string;
  /** JSONPath-like location, e.g. `$.services[2].overrides["data.enc-at-rest"]`. */
  path: string;
  message: string;
}

export interface ParsedFiles {
  areas: AreasFile;
  categories: CategoriesFile;
  services: ServicesFile;
  frameworks: FrameworksFile;
}

/** Renders a path the way a reader would type it into `jq`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '$';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

function duplicates<T>(items: readonly T[], key: (item: T) => string): Array<{ index: number; id: string }> {
  const seen = new Set<string>();
  const found: Array<{ index: number; id: string }> = [];
  items.forEach((item, index) => {
    const id = key(item);
    if (seen.has(id)) found.push({ index, id });
    seen.add(id);
  });
  return found;
}

export function findIntegrityProblems(files: ParsedFiles): CatalogProblem[] {
  const problems: CatalogProblem[] = [];
  const add = (file: string, path: PropertyKey[], message: string) =>
    problems.push({ file, path: formatPath(path), message });

  const { areas } = files.areas;
  for (const d of duplicates(areas, (a) => a.id))
    add('areas.json', ['areas', d.index, 'id'], `duplicate area id "${d.id}"`);
  const scopeOf = new Map(areas.map((a) => [a.id, a.scope]));
  const resourceAreas = areas.filter((a) => a.scope === 'resource').map((a) => a.id);
  const accountAreas = areas.filter((a) => a.scope === 'account').map((a) => a.id);

  // An override or default for an account-scoped area would never be read, so it is an error.
  const checkAreaRef = (file: string, path: PropertyKey[], id: string, want: 'resource' | 'account') => {
    const scope = scopeOf.get(id);
    if (!scope) add(file, path, `unknown area "${id}"`);
    else if (scope !== want)
      add(file, path, `area "${id}" is ${scope}-scoped; only ${want}-scoped areas belong here`);
  };
  const checkCoverage = (file: string, path: PropertyKey[], map: Record<string, unknown>, ids: string[]) => {
    for (const id of ids) if (!(id in map)) add(file, path, `no assignment for area "${id}"`);
  };

  const cats = files.categories.categories;
  for (const d of duplicates(cats, (c) => c.id))
    add('categories.json', ['categories', d.index, 'id'], `duplicate category "${d.id}"`);
  for (const id of SERVICE_CATEGORIES) {
    if (!cats.some((c) => c.id === id)) add('categories.json', ['categories'], `category "${id}" is missing`);
  }
  cats.forEach((cat, i) => {
    for (const id of Object.keys(cat.defaults))
      checkAreaRef('categories.json', ['categories', i, 'defaults', id], id, 'resource');
    checkCoverage('categories.json', ['categories', i, 'defaults'], cat.defaults, resourceAreas);
  });
  const accountMap = files.categories.account.areas;
  for (const id of Object.keys(accountMap))
    checkAreaRef('categories.json', ['account', 'areas', id], id, 'account');
  checkCoverage('categories.json', ['account', 'areas'], accountMap, accountAreas);

  const { services, resourceFacts } = files.services;
  for (const d of duplicates(services, (s) => s.id))
    add('services.json', ['services', d.index, 'id'], `duplicate service "${d.id}"`);
  const owner = new Map<string, string>();
  services.forEach((svc, i) => {
    for (const id of Object.keys(svc.overrides))
      checkAreaRef('services.json', ['services', i, 'overrides', id], id, 'resource');
    svc.resourceTypes.forEach((type, j) => {
      const other = owner.get(type);
      if (other)
        add(
          'services.json',
          ['services', i, 'resourceTypes', j],
          `${type} already belongs to service "${other}"`,
        );
      else owner.set(type, svc.id);
    });
  });
  for (const d of duplicates(resourceFacts, (f) => f.id))
    add('services.json', ['resourceFacts', d.index, 'id'], `duplicate fact "${d.id}"`);
  resourceFacts.forEach((fact, i) => {
    for (const id of Object.keys(fact.assignments))
      checkAreaRef('services.json', ['resourceFacts', i, 'assignments', id], id, 'resource');
    if (fact.when.kind === 'always' && !fact.appliesTo) {
      add(
        'services.json',
        ['resourceFacts', i, 'appliesTo'],
        'an "always" fact must say which resource types it applies to',
      );
    }
    fact.appliesTo?.forEach((type, j) => {
      if (!owner.has(type))
        add('services.json', ['resourceFacts', i, 'appliesTo', j], `${type} belongs to no service`);
    });
  });

  const fws = files.frameworks.frameworks;
  for (const d of duplicates(fws, (f) => f.key))
    add('frameworks.json', ['frameworks', d.index, 'key'], `duplicate framework "${d.id}"`);
  fws.forEach((fw, i) => {
    for (const d of duplicates(fw.requirements, (r) => r.id)) {
      add(
        'frameworks.json',
        ['frameworks', i, 'requirements', d.index, 'id'],
        `duplicate requirement "${d.id}"`,
      );
    }
  });
  const nist = new Set(fws.find((f) => f.key === 'nist80053')?.requirements.map((r) => r.id) ?? []);
  areas.forEach((area, i) => {
    area.nist80053.forEach((id, j) => {
      if (!nist.has(id))
        add('areas.json', ['areas', i, 'nist80053', j], `NIST control "${id}" is not in frameworks.json`);
    });
  });
  return problems;
}
