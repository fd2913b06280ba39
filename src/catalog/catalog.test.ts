import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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
  loadCatalog,
  parseCatalog,
  type RawCatalog,
  readRawCatalog,
  SERVICES_DIR,
} from './load-catalog.js';
import { type Assignment, FRAMEWORK_KEYS } from './schema.js';

const DATA = new URL('./data/', import.meta.url);
const readRaw = (): RawCatalog => readRawCatalog(DATA).raw;
type RawServices = { services: Array<{ id: string; overrides: Record<string, unknown> }> };
/** The raw content of the services file that holds S3, for edits in error tests. */
const storageFile = `${SERVICES_DIR}storage.json`;
const rawStorage = (raw: RawCatalog) => raw.services[storageFile] as RawServices;
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
    expect(catalog.services.length).toBeGreaterThanOrEqual(60);
    for (const id of [
      'ec2',
      'lambda',
      'ecs',
      'eks',
      'rds',
      'aurora',
      'emr',
      's3',
      'opensearch',
      'workspaces',
    ])
      expect(catalog.serviceById.has(id), id).toBe(true);
  });

  it('keeps every services file readable (under ~1,500 lines)', () => {
    for (const file of Object.keys(readRaw().services)) {
      const lines = readFileSync(new URL(file, DATA), 'utf8').split('\n').length;
      expect(lines, file).toBeLessThan(1500);
    }
  });

  it('detects the deployment variants the model needs', () => {
    const variants = (id: string) => catalog.serviceById.get(id)?.variants.map((v) => v.id) ?? [];
    expect(variants('ecs')).toEqual(expect.arrayContaining(['ecs-fargate', 'ecs-anywhere']));
    expect(variants('eks')).toEqual(['eks-auto-mode', 'eks-managed-node-group', 'eks-fargate']);
    expect(variants('lambda')).toEqual([
      'lambda-container-image',
      'lambda-runtime-function-update',
      'lambda-runtime-manual',
    ]);
    expect(variants('rds')).toEqual(['rds-custom']);
    expect(variants('emr')).toEqual(['emr-serverless', 'emr-on-eks']);
    for (const s of catalog.services)
      for (const v of s.variants) expect(v.sources.length, v.id).toBeGreaterThan(0);
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
    reads: [],
  };
}

describe('catalog validation errors', () => {
  it('names the file and JSON path of a schema error', () => {
    const raw = readRaw();
    const s3 = rawStorage(raw).services[0];
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
        file: storageFile,
        path: '$.services[0].overrides["data.enc-at-rest"].customerAction',
        message:
          'Invalid option: expected one of "enable"|"choose"|"configure"|"schedule"|"operate"|"provide"',
      },
    ]);
    expect((error as CatalogError).message).toContain(
      `${storageFile} at $.services[0].overrides["data.enc-at-rest"].customerAction`,
    );
  });

  it('names the file and JSON path of a cross-file error', () => {
    const raw = readRaw();
    const areas = raw.areas as { areas: Array<{ nist80053: string[] }> };
    const first = areas.areas[0];
    if (!first) throw new Error('fixture: no first area');
    first.nist80053 = ['PE-99'];
    const s3 = rawStorage(raw).services[0];
    if (!s3) throw new Error('fixture: no first service');
    s3.overrides['data.nope'] = { owner: 'n/a', reason: 'typo' };
    const error = catch_(() => parseCatalog(raw)) as CatalogError;
    expect(error.problems).toEqual([
      {
        file: storageFile,
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
    copyCatalog(dir);
    const url = pathToFileURL(`${dir}/`);
    expect(loadCatalog(url).services.length).toBe(catalog.services.length);
    const broken = mkdtempSync(join(tmpdir(), 'whoowns-catalog-'));
    copyCatalog(broken);
    writeFileSync(join(broken, 'areas.json'), '{ "areas": [');
    const error = catch_(() => loadCatalog(pathToFileURL(`${broken}/`))) as CatalogError;
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatchObject({ file: 'areas.json', path: '$' });
  });
});

function copyCatalog(dir: string): void {
  mkdirSync(join(dir, SERVICES_DIR));
  for (const file of [...Object.values(CATALOG_FILES), ...Object.keys(readRaw().services)])
    copyFileSync(new URL(file, DATA), join(dir, file));
}

function catch_(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
