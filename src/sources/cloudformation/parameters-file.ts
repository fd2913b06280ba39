import { readFile } from 'node:fs/promises';
import yaml from 'js-yaml';
import { TemplateParseError } from './parse-template.js';

/**
 * Reads parameter values in any of the shapes people keep them in:
 * the CLI's `[{"ParameterKey": "K", "ParameterValue": "V"}]`, CodePipeline's
 * `{"Parameters": {"K": "V"}}`, or a plain `{"K": "V"}` map (JSON or YAML).
 */
export async function readParametersFile(file: string): Promise<Record<string, string>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new TemplateParseError(
      file,
      code === 'ENOENT' ? 'parameters file not found' : `cannot read parameters file (${code})`,
    );
  }
  let data: unknown;
  try {
    data = yaml.load(text, { schema: yaml.JSON_SCHEMA });
  } catch (error) {
    throw new TemplateParseError(
      file,
      `parameters file is not valid JSON/YAML: ${(error as Error).message.split('\n')[0]}`,
    );
  }
  const out: Record<string, string> = {};
  const scalar = (v: unknown) => (Array.isArray(v) ? v.map(String).join(',') : String(v));
  if (Array.isArray(data)) {
    for (const entry of data) {
      const { ParameterKey, ParameterValue } = (entry ?? {}) as Record<string, unknown>;
      if (typeof ParameterKey !== 'string' || ParameterValue === undefined) {
        throw new TemplateParseError(file, 'each entry needs ParameterKey and ParameterValue');
      }
      out[ParameterKey] = scalar(ParameterValue);
    }
    return out;
  }
  if (data && typeof data === 'object') {
    const map = 'Parameters' in data ? (data as { Parameters: unknown }).Parameters : data;
    if (map && typeof map === 'object' && !Array.isArray(map)) {
      for (const [k, v] of Object.entries(map)) out[k] = scalar(v);
      return out;
    }
  }
  throw new TemplateParseError(
    file,
    'parameters file must be a list of ParameterKey/ParameterValue or a map',
  );
}
