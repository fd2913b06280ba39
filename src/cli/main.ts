import { Command, CommanderError } from 'commander';
import { registerCatalogCommand } from './catalog-command.js';
import { registerChecksCommand } from './checks-command.js';
import { describeError, EXIT } from './errors.js';
import { registerIamCommand } from './iam-command.js';
import { registerExplainCommand } from './explain-command.js';
import { registerPermissionsCommand } from './permissions-command.js';
import { registerResponsibilitiesCommand } from './responsibilities-command.js';
import { registerScanCommand } from './scan-command.js';
import { toolVersion } from './version.js';

/** Builds the program; exported so tests can run commands in-process. */
export function buildProgram(setExit: (code: number) => void): Command {
  const program = new Command('whoowns')
    .description('Who owns what in the AWS Shared Responsibility Model, and is your part done?')
    .version(toolVersion(), '-v, --version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  registerScanCommand(program, setExit);
  registerChecksCommand(program);
  registerResponsibilitiesCommand(program, setExit);
  registerCatalogCommand(program);
  registerExplainCommand(program);
  registerPermissionsCommand(program);
  registerIamCommand(program);
  return program;
}

export async function main(argv: readonly string[]): Promise<number> {
  let code: number = EXIT.ok;
  const program = buildProgram((c) => {
    code = c;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here with code 0; usage mistakes were already printed by commander.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    process.stderr.write(`whoowns: ${describeError(error)}\n`);
    return EXIT.usage;
  }
}
