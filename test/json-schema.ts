import { Ajv, type Options } from 'ajv';
import formatsModule, { type FormatsPlugin } from 'ajv-formats';

/** ajv-formats is CommonJS: its module object is the plugin function itself. */
const addFormats = ((formatsModule as unknown as { default?: FormatsPlugin }).default ??
  formatsModule) as unknown as FormatsPlugin;

/** A validator with formats (date-time, uri…) that reports every error, for checking our exports. */
export function createValidator(options: Options = {}): Ajv {
  const ajv = new Ajv({ allErrors: true, ...options });
  addFormats(ajv);
  return ajv;
}
