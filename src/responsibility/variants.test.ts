import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../catalog/load-catalog.js';
import { variantPropertyNames } from '../catalog/variant-properties.js';
import type { Inventory, UnmodeledResource } from '../model/inventory.js';
import { unknown } from '../model/value.js';
import { buildResponsibilityMap } from './build-map.js';
import { areaOf, at, rdsInstance } from './test-fixtures.js';

const catalog = loadCatalog();

function unmodeled(id: string, type: string, properties?: Record<string, unknown>): UnmodeledResource {
  return { id, type, source: at(id), ...(properties ? { properties } : {}) };
}

function mapOf(resources: UnmodeledResource[]) {
  const inventory: Inventory = {
    source: { kind: 'cloudformation', location: 'template.yaml' },
    resources: [],
    unmodeled: resources,
    notCreated: [],
    problems: [],
  };
  return buildResponsibilityMap(inventory, [], catalog);
}

describe('deployment variants detected from the resource', () => {
  it('tells ECS on Fargate from ECS on EC2 by launch type or capacity provider', () => {
    const map = mapOf([
      unmodeled('OnFargate', 'AWS::ECS::Service', { LaunchType: 'FARGATE' }),
      unmodeled('OnSpot', 'AWS::ECS::Service', {
        CapacityProviderStrategy: [{ CapacityProvider: 'FARGATE_SPOT', Weight: 1 }],
      }),
      unmodeled('OnEc2', 'AWS::ECS::Service', { LaunchType: 'EC2' }),
      unmodeled('FargateTask', 'AWS::ECS::TaskDefinition', { RequiresCompatibilities: ['FARGATE'] }),
    ]);
    const osPatch = (id: string) =>
      areaOf(map.resources.find((r) => r.resource.id === id)?.areas ?? [], 'os.patch');
    expect(osPatch('OnFargate')).toMatchObject({ owner: 'provider', status: 'inherited' });
    expect(osPatch('OnFargate').trail.map((t) => `${t.layer}:${t.id}`)).toEqual([
      'category:container',
      'service:ecs',
      'variant:ecs-fargate',
    ]);
    expect(osPatch('OnSpot').owner).toBe('provider');
    expect(osPatch('FargateTask').owner).toBe('provider');
    expect(osPatch('OnEc2')).toMatchObject({
      owner: 'customer',
      status: 'unverified',
      note: 'not assessed by any check',
    });
    expect(map.resources.find((r) => r.resource.id === 'OnFargate')).toMatchObject({
      variants: ['ecs-fargate'],
      assessed: false,
    });
  });

  it('hands the facility to the customer for ECS Anywhere', () => {
    const map = mapOf([unmodeled('OnPrem', 'AWS::ECS::Service', { LaunchType: 'EXTERNAL' })]);
    expect(areaOf(map.resources[0]?.areas ?? [], 'phys.facility').owner).toBe('customer');
  });

  it('says a variant is unknown when the source recorded no properties or an unresolved one', () => {
    const map = mapOf([
      unmodeled('NoProps', 'AWS::ECS::Service'),
      unmodeled('Unresolved', 'AWS::ECS::Service', {
        LaunchType: unknown('parameter LaunchType has no value', at('Unresolved')),
      }),
    ]);
    expect(areaOf(map.resources[0]?.areas ?? [], 'os.patch').note).toContain('ecs-fargate');
    expect(map.warnings.join('\n')).toMatch(
      /NoProps: could not tell whether variant "ecs-fargate" applies .*did not record/,
    );
    expect(map.warnings.join('\n')).toMatch(/Unresolved: .*parameter LaunchType has no value/);
  });

  it('tells EKS node types apart: Auto Mode, managed node groups, Fargate profiles', () => {
    const map = mapOf([
      unmodeled('Auto', 'AWS::EKS::Cluster', { ComputeConfig: { Enabled: true } }),
      unmodeled('Classic', 'AWS::EKS::Cluster', {}),
      unmodeled('Nodes', 'AWS::EKS::Nodegroup', {}),
      unmodeled('Pods', 'AWS::EKS::FargateProfile', {}),
    ]);
    const owner = (id: string) =>
      areaOf(map.resources.find((r) => r.resource.id === id)?.areas ?? [], 'os.patch').owner;
    expect([owner('Auto'), owner('Classic'), owner('Nodes'), owner('Pods')]).toEqual([
      'provider',
      'provider',
      'shared',
      'provider',
    ]);
    expect(map.resources.map((r) => r.variants)).toEqual([
      ['eks-auto-mode'],
      [],
      ['eks-managed-node-group'],
      ['eks-fargate'],
    ]);
  });

  it('tells EMR on EC2 from EMR Serverless by resource type', () => {
    const map = mapOf([
      unmodeled('Cluster', 'AWS::EMR::Cluster', {}),
      unmodeled('App', 'AWS::EMRServerless::Application', {}),
    ]);
    expect(map.resources.map((r) => areaOf(r.areas, 'os.patch').owner)).toEqual(['shared', 'provider']);
  });

  it('returns the OS to the customer for RDS Custom', () => {
    const map = buildResponsibilityMap(
      {
        source: { kind: 'cloudformation', location: 't' },
        resources: [rdsInstance('Db', true)],
        unmodeled: [],
        notCreated: [],
        problems: [],
      },
      [],
      catalog,
    );
    expect(areaOf(map.resources[0]?.areas ?? [], 'os.patch')).toMatchObject({
      owner: 'customer',
      status: 'unverified',
    });
    expect(map.resources[0]?.variants).toEqual(['rds-custom']);
  });

  it('lists unmodeled resources of uncatalogued types as not in the catalog', () => {
    expect(mapOf([unmodeled('X', 'AWS::Custom::Thing')]).notAssessed).toEqual([
      { id: 'X', type: 'AWS::Custom::Thing' },
    ]);
  });

  it('names the properties sources must copy for variant detection', () => {
    expect(Object.fromEntries(variantPropertyNames(catalog))).toEqual({
      'AWS::ECS::Service': ['CapacityProviderStrategy', 'LaunchType'],
      'AWS::ECS::TaskSet': ['LaunchType'],
      'AWS::ECS::TaskDefinition': ['RequiresCompatibilities'],
      'AWS::EKS::Cluster': ['ComputeConfig'],
    });
  });
});
