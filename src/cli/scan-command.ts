import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { loadCatalog } from '../catalog/load-catalog.js';
import { ALL_CHECKS } from '../checks/registry.js';
import { runChecks, selectChecks } from '../engine/run-checks.js';
import type { CheckResult, Severity } from '../model/result.js';
import { renderJson } from '../report/json.js';
import { buildScanReport } from '../report/scan-report.js';
import { renderText } from '../report/text.js';
import { buildResponsibilityMap } from '../responsibility/build-map.js';
import { summarizeOwnership } from '../responsibility/summarize.js';
import type { ResponsibilityMap } from '../responsibility/types.js';
import { EXIT, UsageError } from './errors.js';
import { loadInventories } from './inventory-source.js';
import { collectList, parseFailOn, parseFormat, parseSeverity } from './options.js';
import { toolVersion } from './version.js';

interface ScanOptions {
  format: string;
  output?: string;
  failOn: string;
  check?: string[];
  skipCheck?: string[];
  severity?: string;
  area?: string[];
  parameters?: string;
  region?: string;
  accountId?: string;
  showPassing?: boolean;
  color: boolean;
}

export async function runScan(paths: string[], options: ScanOptions): Promise<number> {
  if (paths.length === 0)
    throw new UsageError(
      'scan: give a template file or directory (try: whoowns scan examples/ecommerce/template.yaml)',
    );
  const format = parseFormat(options.format, ['text', 'json'] as const);
  const failOn = parseFailOn(options.failOn);
  const unknownIds = [...(options.check ?? []), ...(options.skipCheck ?? [])].filter(
    (id) => !ALL_CHECKS.some((c) => c.id === id),
  );
  if (unknownIds.length)
    throw new UsageError(`unknown check id: ${unknownIds.join(', ')} (see: whoowns checks)`);
  const checks = selectChecks(ALL_CHECKS, {
    ...(options.check ? { checkIds: options.check } : {}),
    ...(options.skipCheck ? { skipCheckIds: options.skipCheck } : {}),
    ...(options.severity ? { minSeverity: parseSeverity(options.severity, '--severity') } : {}),
    ...(options.area ? { areas: options.area } : {}),
  });
  const startedAt = new Date();
  const started = performance.now();
  const inventories = await loadInventories(paths, options);
  const catalog = loadCatalog();
  const results: CheckResult[] = [];
  const maps: ResponsibilityMap[] = [];
  for (const inventory of inventories) {
    const found = runChecks(inventory, checks);
    results.push(...found);
    maps.push(buildResponsibilityMap(inventory, found, catalog));
  }
  const report = buildScanReport({
    version: toolVersion(),
    startedAt,
    durationMs: performance.now() - started,
    inventories,
    checkIds: checks.map((c) => c.id),
    results,
    failOn: failOn as Severity | 'none',
    ownership: summarizeOwnership(maps),
  });
  const rendered =
    format === 'json'
      ? renderJson(report)
      : renderText(report, {
          color: options.color && !options.output && process.stdout.isTTY === true,
          showPassing: options.showPassing === true,
          cwd: process.cwd(),
        });
  if (options.output) {
    await writeFile(options.output, rendered);
    process.stderr.write(`whoowns: report written to ${options.output}\n`);
  } else {
    process.stdout.write(rendered);
  }
  return report.summary.failed ? EXIT.failed : EXIT.ok;
}

export function registerScanCommand(program: Command, setExit: (code: number) => void): void {
  program
    .command('scan')
    .description(
      'scan CloudFormation templates (files or directories) for the customer side of the shared responsibility model',
    )
    .argument('[paths...]', 'template files (YAML or JSON) or directories to search for templates')
    .option('-f, --format <format>', 'output format: text or json', 'text')
    .option('-o, --output <file>', 'write the report to a file instead of standard output')
    .option(
      '--fail-on <severity>',
      'exit 1 when a check at or above this severity fails (critical, high, medium, low, info, none)',
      'high',
    )
    .option('--check <ids>', 'run only these check ids (comma-separated or repeated)', collectList)
    .option('--skip-check <ids>', 'leave out these check ids', collectList)
    .option('--severity <level>', 'run only checks at or above this severity')
    .option(
      '--area <areas>',
      'run only checks of these responsibility areas or groups (e.g. data, net.ingress)',
      collectList,
    )
    .option(
      '--parameters <file>',
      'template parameter values (CLI JSON list, {"Parameters":{...}} or a plain map)',
    )
    .option('--region <region>', 'region to assume for AWS::Region')
    .option('--account-id <id>', 'account id to assume for AWS::AccountId')
    .option('--show-passing', 'list passing results too (text format)')
    .option('--no-color', 'never use colour')
    .action(async (paths: string[], options: ScanOptions) => {
      setExit(await runScan(paths, options));
    });
}
