/**
 * Cross-file rules the per-file schemas cannot express: ids unique, every reference resolves,
 * every category covers every area. Each problem names its file and JSON path.
 */
import type { AreasFile, CategoriesFile, FrameworksFile } from './schema.js';
import { SERVICE_CATEGORIES } from './schema.js';
import type { Condition, FactsFile, Service } from './service-schema.js';

export interface CatalogProblem {
  file: string;
  /** JSONPath-like location, e.g. `$.services[2].overrides["data.enc-at-rest"]`. */
  path: string;
  message: string;
}

export interface ParsedFiles {
  areas: AreasFile;
  categories: CategoriesFile;
  facts: FactsFile;
  frameworks: FrameworksFile;
  services: Array<{ file: string; services: Service[] }>;
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

/** Resource types a condition names, wherever it nests them. */
export function conditionTypes(when: Condition): string[] {
  if (when.kind === 'resource-type') return when.types;
  if (when.kind === 'all' || when.kind === 'any') return when.of.flatMap(conditionTypes);
  return [];
}

type Add = (file: string, path: PropertyKey[], message: string) => void;

export function findIntegrityProblems(files: ParsedFiles): CatalogProblem[] {
  const problems: CatalogProblem[] = [];
  const add: Add = (file, path, message) => problems.push({ file, path: formatPath(path), message });

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
  const checkAreaMap = (file: string, path: PropertyKey[], map: Record<string, unknown>) => {
    for (const id of Object.keys(map)) checkAreaRef(file, [...path, id], id, 'resource');
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
    checkAreaMap('categories.json', ['categories', i, 'defaults'], cat.defaults);
    checkCoverage('categories.json', ['categories', i, 'defaults'], cat.defaults, resourceAreas);
  });
  const account = files.categories.account;
  for (const id of Object.keys(account.areas))
    checkAreaRef('categories.json', ['account', 'areas', id], id, 'account');
  checkCoverage('categories.json', ['account', 'areas'], account.areas, accountAreas);
  account.attestationOnly.forEach((id, j) => {
    checkAreaRef('categories.json', ['account', 'attestationOnly', j], id, 'account');
  });
  const traits = files.categories.traits;
  for (const d of duplicates(traits, (t) => t.id))
    add('categories.json', ['traits', d.index, 'id'], `duplicate trait "${d.id}"`);
  traits.forEach((t, i) => {
    checkAreaMap('categories.json', ['traits', i, 'assignments'], t.assignments);
  });

  const owner = checkServices(files, add, checkAreaMap, checkAreaRef, new Set(traits.map((t) => t.id)));

  const { resourceFacts } = files.facts;
  const factsFile = 'resource-facts.json';
  for (const d of duplicates(resourceFacts, (f) => f.id))
    add(factsFile, ['resourceFacts', d.index, 'id'], `duplicate fact "${d.id}"`);
  resourceFacts.forEach((fact, i) => {
    checkAreaMap(factsFile, ['resourceFacts', i, 'assignments'], fact.assignments);
    if (fact.when.kind === 'always' && !fact.appliesTo) {
      add(
        factsFile,
        ['resourceFacts', i, 'appliesTo'],
        'an "always" fact must say which resource types it applies to',
      );
    }
    fact.appliesTo?.forEach((type, j) => {
      if (!owner.has(type))
        add(factsFile, ['resourceFacts', i, 'appliesTo', j], `${type} belongs to no service`);
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

/** Service-level rules; returns which service owns each resource type. */
function checkServices(
  files: ParsedFiles,
  add: Add,
  checkAreaMap: (file: string, path: PropertyKey[], map: Record<string, unknown>) => void,
  checkAreaRef: (file: string, path: PropertyKey[], id: string, want: 'resource' | 'account') => void,
  traitIds: ReadonlySet<string>,
): Map<string, string> {
  const owner = new Map<string, string>();
  const serviceIds = new Set<string>();
  const variantIds = new Set<string>();
  for (const { file, services } of files.services) {
    services.forEach((svc, i) => {
      const at = (...rest: PropertyKey[]) => ['services', i, ...rest];
      if (serviceIds.has(svc.id)) add(file, at('id'), `duplicate service "${svc.id}"`);
      serviceIds.add(svc.id);
      checkAreaMap(file, at('overrides'), svc.overrides);
      svc.traits.forEach((t, j) => {
        if (!traitIds.has(t)) add(file, at('traits', j), `unknown trait "${t}"`);
      });
      svc.attestationOnly.forEach((id, j) => {
        checkAreaRef(file, at('attestationOnly', j), id, 'resource');
      });
      svc.resourceTypes.forEach((type, j) => {
        const other = owner.get(type);
        if (other) add(file, at('resourceTypes', j), `${type} already belongs to service "${other}"`);
        else owner.set(type, svc.id);
      });
      svc.variants.forEach((v, k) => {
        if (variantIds.has(v.id)) add(file, at('variants', k, 'id'), `duplicate variant "${v.id}"`);
        variantIds.add(v.id);
        checkAreaMap(file, at('variants', k, 'overrides'), v.overrides);
        v.attestationOnly.forEach((id, j) => {
          checkAreaRef(file, at('variants', k, 'attestationOnly', j), id, 'resource');
        });
        for (const type of conditionTypes(v.when)) {
          if (!svc.resourceTypes.includes(type))
            add(file, at('variants', k, 'when'), `${type} is not one of ${svc.id}'s resource types`);
        }
      });
    });
  }
  return owner;
}
