import type { Command } from 'commander';
import { ALL_CHECKS } from '../checks/registry.js';
import { parseFormat } from './options.js';

export function registerChecksCommand(program: Command): void {
  program
    .command('checks')
    .description('list every check with its severity, responsibility area and framework ids')
    .option('-f, --format <format>', 'output format: text or json', 'text')
    .action((options: { format: string }) => {
      const format = parseFormat(options.format, ['text', 'json'] as const);
      if (format === 'json') {
        const list = ALL_CHECKS.map(({ evaluate: _evaluate, ...meta }) => meta);
        process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
        return;
      }
      const rows = [...ALL_CHECKS].sort((a, b) => a.area.localeCompare(b.area) || a.id.localeCompare(b.id));
      for (const c of rows) {
        const refs = Object.entries(c.frameworks)
          .filter(([k]) => k === 'cis' || k === 'fsbp')
          .map(([k, ids]) => `${k.toUpperCase()} ${(ids as string[]).join(' ')}`)
          .join('; ');
        process.stdout.write(
          `${c.id.padEnd(44)} ${c.severity.padEnd(9)} ${c.area.padEnd(20)} ${c.title}${refs ? `  [${refs}]` : ''}\n`,
        );
      }
      process.stdout.write(`${ALL_CHECKS.length} checks\n`);
    });
}
