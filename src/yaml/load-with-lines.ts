/**
 * YAML loading that remembers the line of every mapping key and sequence item, so that errors
 * and findings can name their line. js-yaml's `listener` sees every node open and close and
 * reports them to a LineRecorder.
 */
import yaml from 'js-yaml';
import { type LineIndex, LineRecorder } from './line-recorder.js';

export type { LineIndex } from './line-recorder.js';

/** More aliases than the caller allows: legal YAML, but the shape of an alias bomb. */
export class TooManyAliasesError extends Error {
  constructor(
    readonly line: number,
    readonly limit: number,
  ) {
    super(`more than ${limit} YAML aliases`);
    this.name = 'TooManyAliasesError';
  }
}

export interface LoadOptions {
  schema: yaml.Schema;
  filename: string;
  maxAliases: number;
  json?: boolean;
}

/** Throws js-yaml's YAMLException on bad syntax and TooManyAliasesError past the alias limit. */
export function loadYamlWithLines(text: string, options: LoadOptions): { body: unknown; lines: LineIndex } {
  const recorder = new LineRecorder();
  let aliases = 0;
  const listener = (event: 'open' | 'close', state: yaml.State & Record<string, unknown>) => {
    if (event === 'open') {
      recorder.open();
      return;
    }
    const result = state.result as unknown;
    const line = (state.line as number) + 1;
    const childCount = recorder.close(result, line);
    // An alias node produced an object without reading any children.
    if (state.kind === null && childCount === 0 && result !== null && typeof result === 'object') {
      aliases += 1;
      if (aliases > options.maxAliases) throw new TooManyAliasesError(line, options.maxAliases);
    }
  };
  const body = yaml.load(text, {
    schema: options.schema,
    filename: options.filename,
    listener: listener as never,
    ...(options.json ? { json: true } : {}),
  });
  return { body, lines: recorder.index() };
}
