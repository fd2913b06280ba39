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
import { loadInventories, type TemplateSourceOptions } from './inventory-source.js';
import { parseFormat } from './options.js';
import { CONFIG_HELP, type ConfigOption, resolveUserConfig } from './user-config-option.js';
import { toolVersion } from './version.js';

const FORMATS = ['text', 'json', 'crm-csv', 'oscal-ssp'] as const;

interface ResponsibilitiesOptions extends TemplateSourceOptions {
  format: string;
  output?: string;
  explain?: boolean;
  config?: ConfigOption;
  systemName?: string;
  systemId?: string;
  authorizationDate?: string;
  profile?: string;
  color: boolean;
}

export async function runResponsibilities(paths: string[], options: ResponsibilitiesOptions): Promise<number> {
  if (paths.length === 0)
    throw new UsageError('responsibilities: give a template file or directory (try: whoowns responsibilities examples/ecommerce/template.yaml)');
  const format = parseFormat(options.format, FORMATS);
  const catalog = loadCatalog();
  // The configuration is read and validated before anything else runs: never a half-read config.
  const userConfig = await resolveUserConfig(options.config, catalog);
  const date = options.authorizationDate ?? userConfig?.system.leveragedAuthorizationDate;
  if (format === 'oscal-ssp' && !date)
    throw new UsageError(
      'oscal-ssp: give the date of the AWS authorization you leverage (--authorization-date YYYY-MM-DD, or system.leveragedAuthorizationDate in whoowns.yaml); it is on the FedRAMP Marketplace listing',
    );
  const inventories = await loadInventories(paths, options);
  const { map } = assessResponsibilities(inventories, ALL_CHECKS, catalog, userConfig);
  let rendered: string;
  if (format === 'json') rendered = `${JSON.stringify({ tool: { name: 'whoowns', version: toolVersion() }, ...map }, null, 2)}\n`;
  else if (format === 'crm-csv') rendered = renderCrmCsv(rollUpControls(map, catalog));
  else if (format === 'oscal-ssp') {
    const systemName = options.systemName ?? userConfig?.system.name ?? 'System on AWS';
    const ssp = buildOscalSsp(map, rollUpControls(map, catalog), catalog, {
      systemName,
      systemId: options.systemId ?? userConfig?.system.id ?? systemName,
      ...(userConfig?.system.description ? { description: userConfig.system.description } : {}),
      leveragedAuthorizationDate: date as string,
      ...(options.profile ? { profileHref: options.profile } : {}),
      toolVersion: toolVersion(),
      now: new Date(),
    });
    rendered = `${JSON.stringify(ssp, null, 2)}\n`;
  } else
    rendered = renderResponsibilitiesText(map, {
      color: options.color && !options.output && process.stdout.isTTY === true,
      cwd: process.cwd(),
      explain: options.explain === true,
      attestationNames: new Map(catalog.provider.attestations.map((a) => [a.id, a.name])),
    });
  if (options.output) {
    await writeFile(options.output, rendered);
    process.stderr.write(`whoowns: written to ${options.output}\n`);
  } else process.stdout.write(rendered);
  return EXIT.ok;
}

export function registerResponsibilitiesCommand(program: Command, setExit: (code: number) => void): void {
  program
    .command('responsibilities')
    .description(
      'who owns each security responsibility of every resource, and whether your part is verified, failing, unverified or attested',
    )
    .argument('[paths...]', 'template files (YAML or JSON) or directories to search for templates')
    .option('-f, --format <format>', `output format: ${FORMATS.join(', ')}`, 'text')
    .option('-o, --output <file>', 'write to a file instead of standard output')
    .option('--explain', 'show, for every area, the layers that decided its owner (category → service → variant → facts → yours)')
    .option('--config <file>', CONFIG_HELP)
    .option('--no-config', 'ignore ./whoowns.yaml')
    .option('--system-name <name>', 'oscal-ssp: the system name (default: system.name in whoowns.yaml)')
    .option('--system-id <id>', 'oscal-ssp: a stable id that seeds the document UUIDs')
    .option('--authorization-date <date>', 'oscal-ssp: date-authorized of the AWS authorization you leverage (YYYY-MM-DD)')
    .option('--profile <href>', 'oscal-ssp: the OSCAL profile to import (default: NIST SP 800-53 rev. 5 moderate baseline)')
    .option('--parameters <file>', 'template parameter values (CLI JSON list, {"Parameters":{...}} or a plain map)')
    .option('--region <region>', 'region to assume for AWS::Region')
    .option('--account-id <id>', 'account id to assume for AWS::AccountId')
    .option('--no-color', 'never use colour')
    .action(async (paths: string[], options: ResponsibilitiesOptions) => {
      setExit(await runResponsibilities(paths, options));
    });
}
