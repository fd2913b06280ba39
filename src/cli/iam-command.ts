import type { Command } from 'commander';
import { identityChecks } from '../checks/identity/index.js';
import { findPrincipal, type WhatCanAnswer, whatCan } from '../iam/what-can.js';
import { whoCan } from '../iam/who-can.js';
import { UsageError } from './errors.js';
import { renderWhatCan, renderWhoCan } from './iam-render.js';
import { addSourceOptions, type InventorySourceOptions, loadSources } from './inventory-source.js';
import { collectList, parseFormat } from './options.js';

interface IamOptions extends InventorySourceOptions {
  format: string;
  template?: string[];
  service?: string[];
}

async function inventoriesFor(paths: string[], options: IamOptions) {
  // A live scan collects what the IAM checks read: principals, policies and resource policies.
  const { inventories } = await loadSources([...paths, ...(options.template ?? [])], options, identityChecks);
  return inventories;
}

function write(format: 'text' | 'json', answers: unknown[], text: () => string): void {
  process.stdout.write(
    format === 'json' ? `${JSON.stringify(answers.length === 1 ? answers[0] : answers, null, 2)}\n` : text(),
  );
}

/** `whoowns iam who-can` and `whoowns iam what-can`: the questions people ask of IAM. */
export function registerIamCommand(program: Command): void {
  const iam = program
    .command('iam')
    .description('ask IAM questions of templates, live accounts or saved inventories');
  addSourceOptions(
    iam
      .command('who-can')
      .description('who may perform an action on a resource, and the statements that grant or deny it')
      .argument('<action>', 'an IAM action, e.g. s3:GetObject')
      .argument('<resource>', 'a resource ARN, or a template logical id (DataBucket, DataBucket/key)')
      .argument('[paths...]', 'template files or directories')
      .option('--template <path>', 'a template file or directory (repeatable)', collectList)
      .option('-f, --format <format>', 'output format: text or json', 'text'),
  ).action(async (action: string, resource: string, paths: string[], options: IamOptions) => {
    const format = parseFormat(options.format, ['text', 'json'] as const);
    if (!/^[a-z0-9-]+:[A-Za-z0-9*?]+$/.test(action))
      throw new UsageError(`who-can: "${action}" is not an IAM action (service:Action)`);
    const answers = (await inventoriesFor(paths, options)).map((inv) => whoCan(inv, action, resource));
    write(format, answers, () => answers.map(renderWhoCan).join('\n'));
  });
  addSourceOptions(
    iam
      .command('what-can')
      .description('what a principal may do, on which resources, and the statements behind it')
      .argument('<principal>', 'a role or user ARN, name, or template logical id')
      .argument('[paths...]', 'template files or directories')
      .option('--template <path>', 'a template file or directory (repeatable)', collectList)
      .option(
        '--service <prefix>',
        'only these services, e.g. s3 (repeatable or comma-separated)',
        collectList,
      )
      .option('-f, --format <format>', 'output format: text or json', 'text'),
  ).action(async (principal: string, paths: string[], options: IamOptions) => {
    const format = parseFormat(options.format, ['text', 'json'] as const);
    const answers: WhatCanAnswer[] = [];
    for (const inv of await inventoriesFor(paths, options)) {
      const p = findPrincipal(inv, principal);
      if (p)
        answers.push(
          whatCan(
            inv,
            p,
            options.service?.map((s) => s.toLowerCase()),
          ),
        );
    }
    if (!answers.length)
      throw new UsageError(`what-can: no role or user "${principal}" in the given sources`);
    write(format, answers, () => answers.map((a) => renderWhatCan(a)).join('\n'));
  });
}
