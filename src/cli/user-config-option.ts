/**
 * How commands find the user's whoowns.yaml: `--config FILE`, else ./whoowns.yaml when present,
 * never with `--no-config`. Exported for `scan`, which should honour the same file.
 */
import type { Catalog } from '../catalog/load-catalog.js';
import { findUserConfig } from '../config/load-config.js';
import type { UserConfig } from '../config/schema.js';

/** commander gives a string for `--config FILE`, false for `--no-config`, undefined otherwise. */
export type ConfigOption = string | false | undefined;

export async function resolveUserConfig(
  option: ConfigOption,
  catalog: Catalog,
  cwd: string = process.cwd(),
): Promise<UserConfig | undefined> {
  if (option === false) return undefined;
  return findUserConfig(option, catalog, { cwd });
}

export const CONFIG_HELP =
  'whoowns.yaml with responsibility overrides and attestations (default: ./whoowns.yaml when present)';
