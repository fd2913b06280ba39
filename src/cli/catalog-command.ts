import type { Command } from 'commander';
import { computeCoverage } from '../catalog/coverage.js';
import { loadCatalog } from '../catalog/load-catalog.js';
import { variantPropertyNames } from '../catalog/variant-properties.js';
import { ALL_CHECKS } from '../checks/registry.js';
import { MODELED_RESOURCE_TYPES } from '../model/resources/index.js';
import { renderCoverageText } from '../report/coverage-text.js';
import { parseFormat } from './options.js';

function json(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function registerCatalogCommand(program: Command): void {
  const catalog = program
    .command('catalog')
    .description('inspect the responsibility catalog: services, areas and check coverage');
  catalog
    .command('coverage')
    .description(
      'for every service and variant, which of your parts a check verifies and which are attestation only',
    )
    .option('-f, --format <format>', 'output format: text or json', 'text')
    .option('--all', 'also list services whoowns does not model yet')
    .action((options: { format: string; all?: boolean }) => {
      const coverage = computeCoverage(loadCatalog(), ALL_CHECKS, MODELED_RESOURCE_TYPES);
      if (parseFormat(options.format, ['text', 'json'] as const) === 'json') json(coverage);
      else process.stdout.write(renderCoverageText(coverage, { modeledOnly: options.all !== true }));
    });
  catalog
    .command('services')
    .description('list the catalogued AWS services with category, model, variants and review date')
    .option('-f, --format <format>', 'output format: text or json', 'text')
    .action((options: { format: string }) => {
      const c = loadCatalog();
      if (parseFormat(options.format, ['text', 'json'] as const) === 'json') {
        json(c.services);
        return;
      }
      for (const s of c.services) {
        const variants = s.variants.length ? `  variants: ${s.variants.map((v) => v.id).join(', ')}` : '';
        process.stdout.write(
          `${s.id.padEnd(20)} ${s.category.padEnd(15)} ${s.model.padEnd(13)} ${s.reviewed}  ${s.name}${variants}\n`,
        );
      }
      process.stdout.write(`${c.services.length} services\n`);
    });
  catalog
    .command('areas')
    .description('list the responsibility areas with their NIST SP 800-53 controls')
    .action(() => {
      const c = loadCatalog();
      for (const a of c.areas)
        process.stdout.write(
          `${a.id.padEnd(20)} ${a.scope.padEnd(9)} ${a.title}  [${a.nist80053.join(', ')}]${a.attestationOnly ? '  (attestation only)' : ''}\n`,
        );
    });
  catalog
    .command('variant-properties')
    .description(
      'the CloudFormation properties of unmodeled resources that variant detection reads (for source adapters)',
    )
    .action(() => json(Object.fromEntries(variantPropertyNames(loadCatalog()))));
}
