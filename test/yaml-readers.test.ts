import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain JavaScript module shared with the benchmark
import { generateTemplate } from '../bench/generate-template.mjs';
import { CFN_SCHEMA, constructShortForm } from '../src/sources/cloudformation/parse-template.js';
import { compareReaders } from './yaml-readers.js';

const CORPUS = resolve(import.meta.dirname ?? __dirname, '../../shared/corpus/cloudformation');

function listYamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return listYamlFiles(path);
    return /\.(ya?ml|template)$/i.test(name) ? [path] : [];
  });
}

describe('the fast YAML reader on templates', () => {
  it('reads the benchmark template exactly as js-yaml does', () => {
    expect(compareReaders(generateTemplate(300) as string, CFN_SCHEMA, constructShortForm)).toEqual({
      kind: 'fast',
    });
  });

  it.skipIf(!existsSync(CORPUS))("reads most of AWS's YAML templates, each exactly as js-yaml does", () => {
    let fast = 0;
    const disagreements: string[] = [];
    for (const file of listYamlFiles(CORPUS)) {
      const result = compareReaders(readFileSync(file, 'utf8'), CFN_SCHEMA, constructShortForm);
      if (result.kind === 'fast') fast += 1;
      if (result.kind === 'differs' || (result.kind === 'js-yaml-error' && result.fastAccepted)) {
        disagreements.push(`${file}: ${JSON.stringify(result).slice(0, 300)}`);
      }
    }
    expect(disagreements).toEqual([]);
    expect(fast).toBeGreaterThanOrEqual(150);
  });
});
