/**
 * Parses a small YAML document and remembers the line of every mapping key and sequence item, so
 * that a validation error can name the line it is about (shared with the template parser).
 */
import yaml from 'js-yaml';
import { type LineIndex, loadYamlWithLines, TooManyAliasesError } from '../yaml/load-with-lines.js';

export type { LineIndex } from '../yaml/load-with-lines.js';

export class YamlSyntaxError extends Error {
  constructor(
    readonly line: number | undefined,
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'YamlSyntaxError';
  }
}

/** A configuration file never needs aliases; a few are tolerated, an alias bomb is not. */
const MAX_ALIASES = 100;

export function parseYamlWithLines(text: string, file: string): { body: unknown; lines: LineIndex } {
  try {
    // CORE_SCHEMA keeps dates as strings: the config's own schema decides what a date is.
    return loadYamlWithLines(text, { schema: yaml.CORE_SCHEMA, filename: file, maxAliases: MAX_ALIASES });
  } catch (error) {
    if (error instanceof TooManyAliasesError) throw new YamlSyntaxError(error.line, error.message);
    if (error instanceof yaml.YAMLException) {
      const line = error.mark ? error.mark.line + 1 : undefined;
      throw new YamlSyntaxError(line, `invalid YAML: ${error.reason}`);
    }
    throw error;
  }
}

/** The deepest line known along `path`, for an error about that path. */
export function lineAt(body: unknown, path: readonly PropertyKey[], lines: LineIndex): number | undefined {
  let node: unknown = body;
  let line: number | undefined;
  for (const key of path) {
    if (node === null || typeof node !== 'object' || typeof key === 'symbol') break;
    line = lines.lineOf(node, key) ?? line;
    node = (node as Record<string | number, unknown>)[key];
  }
  return line;
}
