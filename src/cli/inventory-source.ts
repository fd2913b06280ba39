import type { Inventory } from '../model/inventory.js';
import { loadTemplateFile, TemplateParseError } from '../sources/cloudformation/index.js';
import { readParametersFile } from '../sources/cloudformation/parameters-file.js';
import { findTemplateFiles } from './template-files.js';

/** Options every command that reads templates shares. */
export interface TemplateSourceOptions {
  parameters?: string;
  region?: string;
  accountId?: string;
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
  const { files, fromDirectory } = await findTemplateFiles(paths);
  const inventories: Inventory[] = [];
  for (const file of files) {
    try {
      inventories.push(
        await loadTemplateFile(file, {
          ...(parameters ? { parameters } : {}),
          ...(options.region ? { region: options.region } : {}),
          ...(options.accountId ? { accountId: options.accountId } : {}),
        }),
      );
    } catch (error) {
      // Inside a directory, files that are not templates (parameter files, configs) are noted and skipped.
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
