import type { Command } from 'commander';
import { computeCoverage } from '../catalog/coverage.js';
import { loadCatalog } from '../catalog/load-catalog.js';
import { ALL_CHECKS } from '../checks/registry.js';
import { MODELED_RESOURCE_TYPES } from '../model/resources/index.js';
import { findTopic, renderExplain } from '../report/explain-text.js';
import { UsageError } from './errors.js';

export function registerExplainCommand(program: Command): void {
  program
    .command('explain')
    .description(
      'explain a service, variant, responsibility area or check: what AWS does, what you must do, which checks prove it',
    )
    .argument(
      '<topic>',
      'a service id (ecs), CloudFormation type (AWS::ECS::Service), variant (ecs-fargate), area (data.key-mgmt) or check id',
    )
    .action((topic: string) => {
      const catalog = loadCatalog();
      const found = findTopic(topic, catalog, ALL_CHECKS);
      if (!found) {
        const near = [
          ...catalog.services.map((s) => s.id),
          ...catalog.areas.map((a) => a.id),
          ...ALL_CHECKS.map((c) => c.id),
        ]
          .filter((id) => id.includes(topic.toLowerCase().split(/[.:-]/)[0] ?? topic))
          .slice(0, 8);
        throw new UsageError(
          `explain: "${topic}" is not a service, variant, area or check${near.length ? ` (did you mean: ${near.join(', ')}?)` : ' (see: whoowns catalog services, whoowns catalog areas, whoowns checks)'}`,
        );
      }
      process.stdout.write(
        renderExplain(found, catalog, computeCoverage(catalog, ALL_CHECKS, MODELED_RESOURCE_TYPES)),
      );
    });
}
