import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { FrameworkRefs } from '../checks/check.js';
import { ALL_CHECKS } from '../checks/registry.js';
import { MODELED_RESOURCE_TYPES } from '../model/resources/index.js';
import { findCheckRefProblems } from './check-refs.js';
import {
  CATALOG_FILES,
  CatalogError,
  type CatalogFileName,
  loadCatalog,
  parseCatalog,
} from './load-catalog.js';
import { type Assignment, FRAMEWORK_KEYS } from './schema.js';

const DATA = new URL('./data/', import.meta.url);
const readRaw = (): Record<CatalogFileName, unknown> => {
  const raw = {} as Record<CatalogFileName, unknown>;
  for (const [name, file] of Object.entries(CATALOG_FILES) as Array<[CatalogFileName, string]>) {
    raw[name] = JSON.parse(readFileSync(new URL(file, DATA), 'utf8'));
  }
  return raw;
};
const catalog = loadCatalog();

/** Every assignment in the catalog with where it lives, for whole-catalog assertions. */
function allAssignments(): Array<{ where: string; area: string; a: Assignment }> {
  const out: Array<{ where: string; area: string; a: Assignment }> = [];
  for (const c of catalog.categories)
    for (const [area, a] of Object.entries(c.defaults)) out.push({ where: `category ${c.id}`, area, a });
  for (const [area, a] of Object.entries(catalog.accountAreas)) out.push({ where: 'account', area, a });
  for (const s of catalog.services)
    for (const [area, a] of Object.entries(s.overrides)) out.push({ where: `service ${s.id}`, area, a });
  for (const f of catalog.resourceFacts)
    for (const [area, a] of Object.entries(f.assignments)) out.push({ where: `fact ${f.id}`, area, a });
  return out;
}

describe('responsibility catalog', () => {
  it('validates every data file', () => {
    expect(() => parseCatalog(readRaw())).not.toThrow();
    expect(catalog.areas.length).toBe(37);
    expect(catalog.services.map((s) => s.id).sort()).toEqual(
      [
        'cloudtrail',
        'dynamodb',
        'ec2',
        'elbv2',
        'iam',
        'kms',
        'lambda',
        'rds',
        's3',
        'sns',
        'sqs',
        'vpc',
      ].sort(),
    );
  });

  it('defines the area ids the design names', () => {
    const ids = catalog.areas.map((a) => a.id);
    for (const id of [
      'phys.facility',
      'virt.host',
      'svc.control-plane',
      'os.patch',
      'rt.patch',
      'net.edge-ddos',
      'iam.federation',
    ]) {
      expect(ids).toContain(id);
    }
    expect(catalog.areaById.get('data.enc-at-rest')?.nist80053).toEqual(['SC-28', 'SC-28(1)']);
  });

  it('references only areas that exist', () => {
    for (const { where, area } of allAssignments())
      expect(catalog.areaById.has(area), `${where}: ${area}`).toBe(true);
  });

  it('gives every category a default for every resource-scoped area', () => {
    const resourceAreas = catalog.areas.filter((a) => a.scope === 'resource').map((a) => a.id);
    for (const c of catalog.categories)
      expect(Object.keys(c.defaults).sort()).toEqual([...resourceAreas].sort());
  });

  it('puts every modeled resource type in exactly one service', () => {
    for (const type of MODELED_RESOURCE_TYPES) {
      const owners = catalog.services.filter((s) => s.resourceTypes.includes(type)).map((s) => s.id);
      expect(owners, type).toHaveLength(1);
    }
  });

  it('states both parts and an action for every shared assignment', () => {
    const shared = allAssignments().filter((x) => x.a.owner === 'shared');
    expect(shared.length).toBeGreaterThan(20);
    for (const { where, area, a } of shared) {
      if (a.owner !== 'shared') continue;
      expect(a.providerPart.length, `${where} ${area}`).toBeGreaterThan(10);
      expect(a.customerPart.length, `${where} ${area}`).toBeGreaterThan(10);
      expect(a.customerAction).toBeTruthy();
      expect(typeof a.defaultSatisfied).toBe('boolean');
    }
  });

  it('gives every service AWS sources and a review date', () => {
    for (const s of catalog.services) {
      expect(s.sources.length, s.id).toBeGreaterThan(0);
      for (const src of s.sources) expect(new URL(src.url).protocol).toBe('https:');
      expect(s.reviewed).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('knows every framework key that checks may use', () => {
    const refKeys: Record<keyof FrameworkRefs, true> = {
      cis: true,
      fsbp: true,
      nist80053: true,
      pci: true,
      hipaa: true,
      iso27001: true,
      soc2: true,
    };
    expect([...FRAMEWORK_KEYS].sort()).toEqual(Object.keys(refKeys).sort());
    for (const key of FRAMEWORK_KEYS) expect(catalog.requirementIds.get(key)?.size, key).toBeGreaterThan(0);
    expect(catalog.requirementIds.get('cis')?.size).toBe(64);
  });

  it('accepts every check: its area exists and every framework id it cites is in frameworks.json', () => {
    expect(findCheckRefProblems(ALL_CHECKS, catalog)).toEqual([]);
  });

  it('reports a check that cites an unknown area or framework id', () => {
    const bogus = {
      ...minimalCheck(),
      area: 'data.nowhere',
      frameworks: { fsbp: ['S3.999'], cis: ['2.1.4'] },
    };
    expect(findCheckRefProblems([bogus], catalog)).toEqual([
      { checkId: 'x-bogus', message: 'unknown area "data.nowhere"' },
      { checkId: 'x-bogus', message: 'fsbp id "S3.999" is not in frameworks.json' },
    ]);
  });
});

function minimalCheck() {
  return {
    id: 'x-bogus',
    title: 't',
    severity: 'low' as const,
    area: 'data.enc-at-rest',
    rationale: 'r',
    remediation: { text: 't', cloudformation: 'c' },
    frameworks: {},
  };
}

describe('catalog validation errors', () => {
  it('names the file and JSON path of a schema error', () => {
    const raw = readRaw();
    const services = raw.services as {
      services: Array<{ overrides: Record<string, Record<string, unknown>> }>;
    };
    const s3 = services.services[0];
    if (!s3) throw new Error('fixture: no first service');
    s3.overrides['data.enc-at-rest'] = {
      owner: 'shared',
      providerPart: 'AWS encrypts',
      customerPart: 'You choose',
      defaultSatisfied: true,
    };
    const error = catch_(() => parseCatalog(raw));
    expect(error).toBeInstanceOf(CatalogError);
    expect((error as CatalogError).problems).toEqual([
      {
        file: 'services.json',
        path: '$.services[0].overrides["data.enc-at-rest"].customerAction',
        message:
          'Invalid option: expected one of "enable"|"choose"|"configure"|"schedule"|"operate"|"provide"',
      },
    ]);
    expect((error as CatalogError).message).toContain(
      'services.json at $.services[0].overrides["data.enc-at-rest"].customerAction',
    );
  });

  it('names the file and JSON path of a cross-file error', () => {
    const raw = readRaw();
    const areas = raw.areas as { areas: Array<{ nist80053: string[] }> };
    const first = areas.areas[0];
    if (!first) throw new Error('fixture: no first area');
    first.nist80053 = ['PE-99'];
    const services = raw.services as { services: Array<{ overrides: Record<string, unknown> }> };
    const s3 = services.services[0];
    if (!s3) throw new Error('fixture: no first service');
    s3.overrides['data.nope'] = { owner: 'n/a', reason: 'typo' };
    const error = catch_(() => parseCatalog(raw)) as CatalogError;
    expect(error.problems).toEqual([
      {
        file: 'services.json',
        path: '$.services[0].overrides["data.nope"]',
        message: 'unknown area "data.nope"',
      },
      {
        file: 'areas.json',
        path: '$.areas[0].nist80053[0]',
        message: 'NIST control "PE-99" is not in frameworks.json',
      },
    ]);
  });

  it('loads from any directory and names a file that is not valid JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'whoowns-catalog-'));
    for (const file of Object.values(CATALOG_FILES)) copyFileSync(new URL(file, DATA), join(dir, file));
    const url = pathToFileURL(`${dir}/`);
    expect(loadCatalog(url).services.length).toBe(catalog.services.length);
    const broken = mkdtempSync(join(tmpdir(), 'whoowns-catalog-'));
    for (const file of Object.values(CATALOG_FILES)) copyFileSync(new URL(file, DATA), join(broken, file));
    writeFileSync(join(broken, 'areas.json'), '{ "areas": [');
    const error = catch_(() => loadCatalog(pathToFileURL(`${broken}/`))) as CatalogError;
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatchObject({ file: 'areas.json', path: '$' });
  });
});

function catch_(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
