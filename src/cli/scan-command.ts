import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { loadCatalog } from '../catalog/load-catalog.js';
import { runChecks } from '../engine/run-checks.js';
import type { CheckResult, Severity } from '../model/result.js';
import { renderJson } from '../report/json.js';
import { buildScanReport } from '../report/scan-report.js';
import { renderText } from '../report/text.js';
import { applyUserConfig } from '../responsibility/apply-user-config.js';
import { buildResponsibilityMap } from '../responsibility/build-map.js';
import { mergeMaps } from '../responsibility/merge.js';
import { summarizeOwnership } from '../responsibility/summarize.js';
import { summarizeScan } from '../responsibility/summarize-scan.js';
import {
  addCheckSelectionOptions,
  type CheckSelectionOptions,
  checksFromOptions,
} from './check-selection.js';
import { EXIT } from './errors.js';
import { addSourceOptions, type InventorySourceOptions, loadSources } from './inventory-source.js';
import { parseFailOn, parseFormat } from './options.js';
import { CONFIG_HELP, type ConfigOption, resolveUserConfig } from './user-config-option.js';
import { toolVersion } from './version.js';

interface ScanOptions extends InventorySourceOptions, CheckSelectionOptions {
  format: string;
  output?: string;
  failOn: string;
  showPassing?: boolean;
  color: boolean;
  config?: ConfigOption;
}

export async function runScan(paths: string[], options: ScanOptions): Promise<number> {
  const format = parseFormat(options.format, ['text', 'json'] as const);
  const failOn = parseFailOn(options.failOn);
  const checks = checksFromOptions(options);
  const startedAt = new Date();
  const started = performance.now();
  const catalog = loadCatalog();
  // whoowns.yaml is validated before anything is read or run: never a half-read configuration.
  const userConfig = await resolveUserConfig(options.config, catalog);
  const { inventories, live } = await loadSources(paths, options, checks);
  const results: CheckResult[] = [];
  const scanned = inventories.map((inventory) => {
    const found = runChecks(inventory, checks);
    results.push(...found);
    return { inventory, results: found };
  });
  // The summary alone is cheaper to compute; whoowns.yaml edits the full map, so it needs one.
  const ownership = userConfig
    ? summarizeOwnership([
        applyUserConfig(
          mergeMaps(scanned.map((s) => buildResponsibilityMap(s.inventory, s.results, catalog))),
          userConfig,
          catalog,
        ),
      ])
    : summarizeScan(scanned, catalog);
  const report = buildScanReport({
    version: toolVersion(),
    startedAt,
    durationMs: performance.now() - started,
    inventories,
    checkIds: checks.map((c) => c.id),
    results,
    failOn: failOn as Severity | 'none',
    ownership,
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
      ? renderJson(report, { indent: !options.output && process.stdout.isTTY === true })
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
  const command = program
    .command('scan')
    .description(
      'check your side of the shared responsibility model on CloudFormation templates, a live AWS account (--aws) or a saved inventory (--inventory)',
    )
    .argument('[paths...]', 'template files (YAML or JSON) or directories to search for templates')
    .option('-f, --format <format>', 'output format: text or json', 'text')
    .option('-o, --output <file>', 'write the report to a file instead of standard output')
    .option(
      '--fail-on <severity>',
      'exit 1 when a check at or above this severity fails (critical … info, or none)',
      'high',
    );
  addCheckSelectionOptions(command);
  addSourceOptions(command)
    .option('--show-passing', 'list passing results too (text format)')
    .option('--config <file>', CONFIG_HELP)
    .option('--no-config', 'ignore ./whoowns.yaml')
    .option('--no-color', 'never use colour')
    .action(async (paths: string[], options: ScanOptions) => {
      setExit(await runScan(paths, options));
    });
}
