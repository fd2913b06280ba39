import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain JavaScript module shared with the benchmark
import { generateTemplate } from '../bench/generate-template.mjs';
import { CFN_SCHEMA, constructShortForm } from '../src/sources/cloudformation/parse-template.js';
import { readBlockYaml } from '../src/yaml/fast-block-reader.js';
import { readJsonDocument } from '../src/yaml/fast-json-reader.js';
import { compareReaders, type FastReader } from './yaml-readers.js';

const readBlock = (text: string) => readBlockYaml(text, constructShortForm);

const CORPUS = resolve(import.meta.dirname ?? __dirname, '../../shared/corpus/cloudformation');

function listFiles(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return listFiles(path, pattern);
    return pattern.test(name) ? [path] : [];
  });
}

function disagreements(files: string[], reader: FastReader): { fast: number; differing: string[] } {
  let fast = 0;
  const differing: string[] = [];
  for (const file of files) {
    const result = compareReaders(readFileSync(file, 'utf8'), CFN_SCHEMA, reader);
    if (result.kind === 'fast') fast += 1;
    if (result.kind === 'differs' || (result.kind === 'js-yaml-error' && result.fastAccepted)) {
      differing.push(`${file}: ${JSON.stringify(result).slice(0, 300)}`);
    }
  }
  return { fast, differing };
}

describe('the fast YAML reader on templates', () => {
  it('reads the benchmark template exactly as js-yaml does', () => {
    expect(compareReaders(generateTemplate(300) as string, CFN_SCHEMA, readBlock)).toEqual({
      kind: 'fast',
    });
  });

  it.skipIf(!existsSync(CORPUS))("reads most of AWS's YAML templates, each exactly as js-yaml does", () => {
    const { fast, differing } = disagreements(listFiles(CORPUS, /\.(ya?ml|template)$/i), readBlock);
    expect(differing).toEqual([]);
    expect(fast).toBeGreaterThanOrEqual(150);
  });

  it.skipIf(!existsSync(CORPUS))("reads most of AWS's JSON templates, each exactly as js-yaml does", () => {
    const { fast, differing } = disagreements(listFiles(CORPUS, /\.json$/i), readJsonDocument);
    expect(differing).toEqual([]);
    expect(fast).toBeGreaterThanOrEqual(140);
  });
});
