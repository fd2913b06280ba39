import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { loadYamlWithLines } from './load-with-lines.js';

const load = (text: string) =>
  loadYamlWithLines(text, { schema: yaml.CORE_SCHEMA, filename: 't.yaml', maxAliases: 10 });

describe('loadYamlWithLines', () => {
  it('keeps the lines inside flow collections that are block sequence items or values on their own line', () => {
    const { body, lines } = load('R:\n  - { A: 1,\n      B: 2 }\n  - [x,\n     y]\nS:\n  [p,\n   q]\n');
    const doc = body as { R: [object, object]; S: object };
    expect(lines.lineOf(doc.R[0], 'A')).toBe(2);
    expect(lines.lineOf(doc.R[0], 'B')).toBe(3);
    expect(lines.lineOf(doc.R[1], 1)).toBe(5);
    expect(lines.lineOf(doc.S, 1)).toBe(8);
    expect(lines.lineOf(doc.R, 1)).toBe(4);
    expect(lines.lineOf(doc, 'S')).toBe(6);
  });
});
