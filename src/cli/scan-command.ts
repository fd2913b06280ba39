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
import { type InventorySourceOptions, loadSources } from './inventory-source.js';
import { collectList, parseFailOn, parseFormat, parseSeverity } from './options.js';
import { toolVersion } from './version.js';

interface ScanOptions extends InventorySourceOptions {
  format: string;
  output?: string;
  failOn: string;
  check?: string[];
  skipCheck?: string[];
  severity?: string;
  area?: string[];
  showPassing?: boolean;
  color: boolean;
}

export async function runScan(paths: string[], options: ScanOptions): Promise<number> {
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
  const { inventories, live } = await loadSources(paths, options, checks);
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
    ...(live
      ? {
          live: {
            account: live.identity.account,
            callerArn: live.identity.arn,
            requests: live.stats.requests,
            operations: Object.fromEntries([...live.stats.byOperation].sort()),
            partial: live.partial,
          },
        }
      : {}),
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
  if (report.summary.failed) return EXIT.failed;
  return report.scan.live?.partial ? EXIT.partial : EXIT.ok;
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
    .option('--aws', 'scan the live AWS account of the standard credential chain (read-only)')
    .option('--profile <name>', 'with --aws: the shared-config profile to use')
    .option(
      '--regions <list>',
      'with --aws: regions to scan, comma-separated, or "all" enabled regions (default)',
      collectList,
    )
    .option(
      '--endpoint-url <url>',
      'with --aws: send requests to this endpoint (LocalStack, moto, a VPC endpoint)',
    )
    .option('--inventory <file>', 'scan a saved inventory offline instead (repeatable)', collectList)
    .option('--save-inventory <file>', 'also save what was collected (gzip JSON) for later --inventory scans')
    .option('-q, --quiet', 'no progress output')
    .option('--verbose', 'a progress line for every service and region')
    .option('--region <region>', 'templates: region to assume for AWS::Region')
    .option('--account-id <id>', 'templates: account id to assume for AWS::AccountId')
    .option('--show-passing', 'list passing results too (text format)')
    .option('--no-color', 'never use colour')
    .action(async (paths: string[], options: ScanOptions) => {
      setExit(await runScan(paths, options));
    });
}
