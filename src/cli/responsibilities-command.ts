import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { loadCatalog } from '../catalog/load-catalog.js';
import { ALL_CHECKS } from '../checks/registry.js';
import { renderCrmCsv } from '../report/crm-csv.js';
import { buildOscalSsp } from '../report/oscal-ssp.js';
import { renderResponsibilitiesText } from '../report/responsibilities-text.js';
import { assessResponsibilities } from '../responsibility/assess.js';
import { rollUpControls } from '../responsibility/controls.js';
import { EXIT, UsageError } from './errors.js';
import { addSourceOptions, type InventorySourceOptions, loadSources } from './inventory-source.js';
import { parseFormat } from './options.js';
import { CONFIG_HELP, type ConfigOption, resolveUserConfig } from './user-config-option.js';
import { toolVersion } from './version.js';

const FORMATS = ['text', 'json', 'crm-csv', 'oscal-ssp'] as const;

interface ResponsibilitiesOptions extends InventorySourceOptions {
  format: string;
  output?: string;
  explain?: boolean;
  config?: ConfigOption;
  systemName?: string;
  systemId?: string;
  authorizationDate?: string;
  oscalProfile?: string;
  color: boolean;
}

export async function runResponsibilities(
  paths: string[],
  options: ResponsibilitiesOptions,
): Promise<number> {
  const format = parseFormat(options.format, FORMATS);
  const catalog = loadCatalog();
  // The configuration is read and validated before anything else runs: never a half-read config.
  const userConfig = await resolveUserConfig(options.config, catalog);
  const date = options.authorizationDate ?? userConfig?.system.leveragedAuthorizationDate;
  if (format === 'oscal-ssp' && !date)
    throw new UsageError(
      'oscal-ssp: give the date of the AWS authorization you leverage (--authorization-date YYYY-MM-DD, or system.leveragedAuthorizationDate in whoowns.yaml); it is on the FedRAMP Marketplace listing',
    );
  const { inventories } = await loadSources(paths, options, ALL_CHECKS);
  const { map } = assessResponsibilities(inventories, ALL_CHECKS, catalog, userConfig);
  let rendered: string;
  if (format === 'json')
    rendered = `${JSON.stringify({ tool: { name: 'whoowns', version: toolVersion() }, ...map }, null, 2)}\n`;
  else if (format === 'crm-csv') rendered = renderCrmCsv(rollUpControls(map, catalog));
  else if (format === 'oscal-ssp') {
    const systemName = options.systemName ?? userConfig?.system.name ?? 'System on AWS';
    const ssp = buildOscalSsp(map, rollUpControls(map, catalog), catalog, {
      systemName,
      systemId: options.systemId ?? userConfig?.system.id ?? systemName,
      ...(userConfig?.system.description ? { description: userConfig.system.description } : {}),
      leveragedAuthorizationDate: date as string,
      ...(options.oscalProfile ? { profileHref: options.oscalProfile } : {}),
      toolVersion: toolVersion(),
      now: new Date(),
    });
    rendered = `${JSON.stringify(ssp, null, 2)}\n`;
  } else
    rendered = renderResponsibilitiesText(map, {
      color: options.color && !options.output && process.stdout.isTTY === true,
      cwd: process.cwd(),
      explain: options.explain === true,
      providerName: catalog.provider.name,
      attestationNames: catalog.provider.attestations.map((a) => a.name),
    });
  if (options.output) {
    await writeFile(options.output, rendered);
    process.stderr.write(`whoowns: written to ${options.output}\n`);
  } else process.stdout.write(rendered);
  return EXIT.ok;
}

export function registerResponsibilitiesCommand(program: Command, setExit: (code: number) => void): void {
  const command = program
    .command('responsibilities')
    .description(
      'who owns each security responsibility of every resource, and whether your part is verified, failing, unverified or attested',
    )
    .argument('[paths...]', 'template files or directories (or use --aws, or --inventory FILE)')
    .option('-f, --format <format>', `output format: ${FORMATS.join(', ')}`, 'text')
    .option('-o, --output <file>', 'write to a file instead of standard output')
    .option(
      '--explain',
      'show, for every area, the layers that decided its owner (category → service → variant → facts → yours)',
    )
    .option('--config <file>', CONFIG_HELP)
    .option('--no-config', 'ignore ./whoowns.yaml')
    .option('--system-name <name>', 'oscal-ssp: the system name (default: system.name in whoowns.yaml)')
    .option('--system-id <id>', 'oscal-ssp: a stable id that seeds the document UUIDs')
    .option(
      '--authorization-date <date>',
      'oscal-ssp: date-authorized of the AWS authorization you leverage (YYYY-MM-DD)',
    )
    .option(
      '--oscal-profile <href>',
      'oscal-ssp: the OSCAL profile to import (default: NIST SP 800-53 rev. 5 moderate baseline)',
    )
    .option('--no-color', 'never use colour');
  addSourceOptions(command).action(async (paths: string[], options: ResponsibilitiesOptions) => {
    setExit(await runResponsibilities(paths, options));
  });
}
