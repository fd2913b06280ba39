import type { Command } from 'commander';
import { loadCatalog } from '../catalog/load-catalog.js';
import { variantPropertyNames } from '../catalog/variant-properties.js';
import { type Check, collectionNeeds } from '../checks/check.js';
import { ALL_CHECKS } from '../checks/registry.js';
import type { Inventory } from '../model/inventory.js';
import type { LiveScan } from '../sources/aws/collect-inventory.js';
import { loadTemplateFile, TemplateParseError } from '../sources/cloudformation/index.js';
import { readParametersFile } from '../sources/cloudformation/parameters-file.js';
import { loadInventory, saveInventory } from '../sources/snapshot/snapshot.js';
import { UsageError } from './errors.js';
import { collectList } from './options.js';
import { createProgress, type Verbosity } from './progress.js';
import { findTemplateFiles } from './template-files.js';
import { toolVersion } from './version.js';

/** Options every command that reads templates shares. */
export interface TemplateSourceOptions {
  parameters?: string;
  region?: string;
  accountId?: string;
}

/** Where a command reads from: templates (paths), a live account (--aws) or saved inventories. */
export interface InventorySourceOptions extends TemplateSourceOptions {
  aws?: boolean;
  profile?: string;
  regions?: string[];
  endpointUrl?: string;
  inventory?: string[];
  saveInventory?: string;
  quiet?: boolean;
  verbose?: boolean;
}

export interface LoadedSources {
  inventories: Inventory[];
  live?: LiveScan;
}

/**
 * Loads every template under `paths` into an Inventory each. Inside a directory, files that are
 * not templates (parameter files, configs) are noted and skipped; a file named directly must load.
 */
export async function loadInventories(
  paths: readonly string[],
  options: TemplateSourceOptions,
): Promise<Inventory[]> {
  const parameters = options.parameters ? await readParametersFile(options.parameters) : undefined;
  const variantProperties = variantPropertyNames(loadCatalog());
  const { files, fromDirectory } = await findTemplateFiles(paths);
  const inventories: Inventory[] = [];
  for (const file of files) {
    try {
      inventories.push(
        await loadTemplateFile(file, {
          variantProperties,
          ...(parameters ? { parameters } : {}),
          ...(options.region ? { region: options.region } : {}),
          ...(options.accountId ? { accountId: options.accountId } : {}),
        }),
      );
    } catch (error) {
      if (!(error instanceof TemplateParseError) || !fromDirectory.has(file)) throw error;
      inventories.push({
        source: { kind: 'cloudformation', location: file },
        resources: [],
        unmodeled: [],
        notCreated: [],
        problems: [{ where: file, message: `skipped: ${error.message}` }],
      });
    }
  }
  return inventories;
}

function verbosity(options: InventorySourceOptions): Verbosity {
  return options.quiet ? 'quiet' : options.verbose ? 'verbose' : 'normal';
}

/** Home region as the SDK would pick it, falling back to us-east-1 for global calls. */
function homeRegion(options: InventorySourceOptions): string {
  const first = options.regions?.[0];
  return (
    process.env.AWS_REGION ??
    process.env.AWS_DEFAULT_REGION ??
    (first && first !== 'all' ? first : 'us-east-1')
  );
}

/** The options that name a source; every command that reads inventories takes them. */
export function addSourceOptions(command: Command): Command {
  return command
    .option('--aws', 'read the live AWS account of the standard credential chain (read-only)')
    .option('--profile <name>', 'with --aws: the shared-config profile to use')
    .option(
      '--regions <list>',
      'with --aws: regions, comma-separated, or "all" enabled regions (default)',
      collectList,
    )
    .option(
      '--endpoint-url <url>',
      'with --aws: send requests to this endpoint (LocalStack, moto, a VPC endpoint)',
    )
    .option('--inventory <file>', 'read a saved inventory instead (repeatable)', collectList)
    .option('--save-inventory <file>', 'also save what was read (gzip JSON) for later --inventory runs')
    .option('-q, --quiet', 'no progress output')
    .option('--verbose', 'a progress line for every service and region')
    .option(
      '--parameters <file>',
      'templates: parameter values (CLI JSON list, {"Parameters":{...}} or a plain map)',
    )
    .option('--region <region>', 'templates: region to assume for AWS::Region')
    .option('--account-id <id>', 'templates: account id to assume for AWS::AccountId');
}

/** Reads every source the options name; `checks` decides what a live scan collects. */
export async function loadSources(
  paths: readonly string[],
  options: InventorySourceOptions,
  checks: readonly Check[] = ALL_CHECKS,
): Promise<LoadedSources> {
  const kinds = [paths.length > 0, options.aws === true, (options.inventory?.length ?? 0) > 0].filter(
    Boolean,
  ).length;
  if (kinds === 0)
    throw new UsageError('give template paths, --aws for a live account, or --inventory FILE (see --help)');
  if (kinds > 1)
    throw new UsageError('scan one kind of source at a time: template paths, --aws, or --inventory');
  if (!options.aws && (options.profile || options.endpointUrl || options.regions)) {
    throw new UsageError('--profile, --regions and --endpoint-url go with --aws');
  }
  const inventories: Inventory[] = [];
  let live: LiveScan | undefined;
  if (paths.length > 0) inventories.push(...(await loadInventories(paths, options)));
  for (const file of options.inventory ?? []) inventories.push(...(await loadInventory(file)));
  if (options.aws) {
    const progress = createProgress(verbosity(options));
    const regions = !options.regions || options.regions.includes('all') ? 'all' : options.regions;
    // The SDK clients take a while to load; template scans never pay for them.
    const { collectAwsInventory } = await import('../sources/aws/collect-inventory.js');
    try {
      live = await collectAwsInventory(collectionNeeds(checks), {
        regions,
        homeRegion: homeRegion(options),
        ...(options.profile ? { profile: options.profile } : {}),
        ...(options.endpointUrl ? { endpointUrl: options.endpointUrl } : {}),
        onProgress: progress.report,
      });
    } finally {
      progress.end();
    }
    inventories.push(live.inventory);
  }
  if (options.saveInventory) {
    await saveInventory(options.saveInventory, inventories, toolVersion());
    if (!options.quiet) process.stderr.write(`whoowns: inventory saved to ${options.saveInventory}\n`);
  }
  return { inventories, ...(live ? { live } : {}) };
}
