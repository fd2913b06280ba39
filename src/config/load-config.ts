/**
 * Loads whoowns.yaml. Every problem names the file, the line and the reason, and the whole file is
 * rejected: a scan never runs on a half-read configuration.
 */
import { readFile, stat } from 'node:fs/promises';
import { formatPath } from '../catalog/integrity.js';
import type { Catalog } from '../catalog/load-catalog.js';
import { type LineIndex, lineAt, parseYamlWithLines, YamlSyntaxError } from './parse-yaml.js';
import {
  type Attestation,
  type Located,
  type Override,
  type UserConfig,
  UserConfigFileSchema,
} from './schema.js';

export const DEFAULT_CONFIG_FILE = 'whoowns.yaml';
const MAX_BYTES = 1024 * 1024;

export interface ConfigProblem {
  line?: number;
  /** JSON path of the offending value, e.g. `$.attestations[0].expires`. */
  path: string;
  message: string;
}

export class UserConfigError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly ConfigProblem[],
  ) {
    super(
      `${file}: invalid configuration, nothing was run:\n${problems
        .map((p) => `  ${file}:${p.line ?? '?'}: ${p.message} (at ${p.path})`)
        .join('\n')}`,
    );
    this.name = 'UserConfigError';
  }
}

export interface LoadOptions {
  /** Today's date as YYYY-MM-DD; tests pin it. */
  today?: string;
}

export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Validates the text of a config file against the schema and the catalog. */
export function parseUserConfig(
  text: string,
  file: string,
  catalog: Catalog,
  options: LoadOptions = {},
): UserConfig {
  let parsed: { body: unknown; lines: LineIndex };
  try {
    parsed = parseYamlWithLines(text, file);
  } catch (error) {
    if (error instanceof YamlSyntaxError)
      throw new UserConfigError(file, [
        { ...(error.line ? { line: error.line } : {}), path: '$', message: error.reason },
      ]);
    throw error;
  }
  const body = parsed.body ?? {};
  const at = (path: readonly PropertyKey[]) => lineAt(body, path, parsed.lines);
  const result = UserConfigFileSchema.safeParse(body);
  if (!result.success) {
    throw new UserConfigError(
      file,
      result.error.issues.map((issue) => {
        // An unknown key is reported on its own line, not on the line of the object holding it.
        const path =
          issue.code === 'unrecognized_keys' && issue.keys[0] ? [...issue.path, issue.keys[0]] : issue.path;
        const line = at(path);
        return { ...(line ? { line } : {}), path: formatPath(path), message: issue.message };
      }),
    );
  }
  const today = options.today ?? todayIso();
  const problems: ConfigProblem[] = [];
  const check = (kind: 'overrides' | 'attestations', entry: Override | Attestation, i: number) => {
    const problem = (key: PropertyKey[], message: string) => {
      const line = at([kind, i, ...key]);
      problems.push({ ...(line ? { line } : {}), path: formatPath([kind, i, ...key]), message });
    };
    const area = catalog.areaById.get(entry.area);
    if (!area)
      problem(
        ['area'],
        `unknown area "${entry.area}" (see: whoowns explain <area>, or whoowns catalog areas)`,
      );
    entry.services?.forEach((id, j) => {
      if (!catalog.serviceById.has(id))
        problem(['services', j], `unknown service "${id}" (see: whoowns catalog services)`);
    });
    if (area?.scope === 'account' && (entry.services || entry.resources))
      problem(
        ['area'],
        `area "${entry.area}" is account-wide; it cannot be limited to services or resources`,
      );
    if (entry.date > today) problem(['date'], `date ${entry.date} is in the future (today is ${today})`);
    if (entry.expires <= entry.date)
      problem(['expires'], `expires ${entry.expires} is not after date ${entry.date}`);
    if (kind === 'overrides') {
      const o = entry as Override;
      if (o.owner === 'n/a' && !o.reason && !o.justification)
        problem(['owner'], 'an override to n/a needs a reason');
    }
  };
  result.data.overrides.forEach((o, i) => {
    check('overrides', o, i);
  });
  result.data.attestations.forEach((a, i) => {
    check('attestations', a, i);
  });
  if (result.data.system?.leveragedAuthorizationDate && result.data.system.leveragedAuthorizationDate > today)
    problems.push({
      ...(at(['system', 'leveragedAuthorizationDate'])
        ? { line: at(['system', 'leveragedAuthorizationDate']) }
        : {}),
      path: '$.system.leveragedAuthorizationDate',
      message: 'the authorization date is in the future',
    });
  if (problems.length > 0) throw new UserConfigError(file, problems);

  const locate = <T extends Override | Attestation>(kind: string, entries: T[]): Array<Located<T>> =>
    entries.map((e, i) => ({ ...e, line: at([kind, i]) ?? 0, expired: e.expires < today }));
  return {
    file,
    overrides: locate('overrides', result.data.overrides),
    attestations: locate('attestations', result.data.attestations),
    system: result.data.system ?? {},
  };
}

/** Reads and validates a config file; a missing file is an error (callers decide whether one is optional). */
export async function loadUserConfig(
  file: string,
  catalog: Catalog,
  options: LoadOptions = {},
): Promise<UserConfig> {
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserConfigError(file, [
      {
        path: '$',
        message: code === 'ENOENT' ? 'file not found' : `cannot read the file (${code ?? 'error'})`,
      },
    ]);
  }
  if (size > MAX_BYTES)
    throw new UserConfigError(file, [
      { path: '$', message: `the file is larger than ${MAX_BYTES / 1024} KB` },
    ]);
  return parseUserConfig(await readFile(file, 'utf8'), file, catalog, options);
}

/** The config to use: `--config FILE` when given, else ./whoowns.yaml when it exists, else none. */
export async function findUserConfig(
  explicitFile: string | undefined,
  catalog: Catalog,
  options: LoadOptions & { cwd?: string } = {},
): Promise<UserConfig | undefined> {
  if (explicitFile) return loadUserConfig(explicitFile, catalog, options);
  const candidate = options.cwd ? `${options.cwd}/${DEFAULT_CONFIG_FILE}` : DEFAULT_CONFIG_FILE;
  try {
    await stat(candidate);
  } catch {
    return undefined;
  }
  return loadUserConfig(candidate, catalog, options);
}
