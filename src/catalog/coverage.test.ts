import { describe, expect, it } from 'vitest';
import { ALL_CHECKS } from '../checks/registry.js';
import { MODELED_RESOURCE_TYPES } from '../model/resources/index.js';
import { computeCoverage } from './coverage.js';
import { type Catalog, loadCatalog } from './load-catalog.js';

const catalog = loadCatalog();

/** A copy of the catalog with one service changed, to prove the coverage rule can fail. */
function withService(
  id: string,
  change: (s: Catalog['services'][number]) => Catalog['services'][number],
): Catalog {
  const services = catalog.services.map((s) => (s.id === id ? change(s) : s));
  return { ...catalog, services, serviceById: new Map(services.map((s) => [s.id, s])) };
}

describe('check coverage of customer parts', () => {
  it('maps every check to an area the catalog defines', () => {
    for (const check of ALL_CHECKS) expect(catalog.areaById.has(check.area), check.id).toBe(true);
  });

  it('gives every customer part of every modeled service a check or an explicit attestation-only mark', () => {
    const coverage = computeCoverage(catalog, ALL_CHECKS, MODELED_RESOURCE_TYPES);
    expect(coverage.gaps).toEqual([]);
    expect(coverage.rows.filter((r) => r.modeled).length).toBeGreaterThan(10);
  });

  it('has no stale marks: an area with a check is not also marked attestation only', () => {
    expect(computeCoverage(catalog, ALL_CHECKS, MODELED_RESOURCE_TYPES).stale).toEqual([]);
  });

  it('fails when a mark is removed and no check covers the area', () => {
    const broken = withService('s3', (s) => ({
      ...s,
      attestationOnly: s.attestationOnly.filter((a) => a !== 'data.retention'),
    }));
    expect(computeCoverage(broken, ALL_CHECKS, MODELED_RESOURCE_TYPES).gaps).toEqual([
      { service: 's3', area: 'data.retention' },
    ]);
  });

  it('fails when a check is removed from an area that relied on it', () => {
    const without = ALL_CHECKS.filter((c) => c.area !== 'log.audit');
    const gaps = computeCoverage(catalog, without, MODELED_RESOURCE_TYPES).gaps;
    expect(gaps).toContainEqual({ service: '(account)', area: 'log.audit' });
  });

  it('reports a mark that a new check has made stale', () => {
    const extra = [
      ...ALL_CHECKS,
      { id: 'x-s3-retention', area: 'data.retention', resourceTypes: ['AWS::S3::Bucket'] },
    ];
    expect(computeCoverage(catalog, extra, MODELED_RESOURCE_TYPES).stale).toEqual([
      { service: 's3', area: 'data.retention' },
    ]);
  });

  it('does not hold unmodeled services to the rule: their parts are shown as unverified instead', () => {
    const ecs = computeCoverage(catalog, ALL_CHECKS, MODELED_RESOURCE_TYPES).rows.find(
      (r) => r.service === 'ecs' && !r.variant,
    );
    expect(ecs).toMatchObject({ modeled: false });
    expect(ecs?.cells.every((c) => !c.gap)).toBe(true);
  });
});
