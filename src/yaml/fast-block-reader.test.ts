import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { compareReaders, itAgreesWithJsYaml } from '../../test/yaml-readers.js';
import { readBlockYaml } from './fast-block-reader.js';

const constructTag = (tag: string, data: unknown) => ({ [tag]: data ?? '' });
const schema = yaml.CORE_SCHEMA.extend(
  (['scalar', 'sequence', 'mapping'] as const).map(
    (kind) =>
      new yaml.Type('!', {
        kind,
        multi: true,
        construct: (data: unknown, tag?: string) => constructTag(tag ?? '!', data),
      }),
  ),
);
const verdict = (text: string) => compareReaders(text, schema, (t) => readBlockYaml(t, constructTag));

/** Shapes real templates use: the fast reader must read them, exactly as js-yaml does. */
const READS = {
  'nested block mappings and comments': '# top\nA:\n  B: 1 # one\n\n  # between\n  C:\n    D: x\nE: y\n',
  'scalars resolve as the core schema does':
    'a: 1\nb: -2.5\nc: true\nd: False\ne: ~\nf: null\ng: 0x1F\nh: .inf\ni: 1e3\nj: 012\nk: yes\nl: 2010-09-09\nm: +1\nn: 1_000\n',
  'quoted scalars and keys': `'a b': 'it''s'\n"c": "tab\\tnl\\n\\u00e9 \\x41 \\\\ \\""\nd: 'x: y # z'\ne: "#"\n`,
  'plain scalars with colons, hashes and flow characters':
    'a: arn:aws:s3:::b/*\nb: http://x#y\nc: a,b[c]{d}\nd: x:y\ne: -1\nf: :colon\n',
  'sequences, compact and at the key indentation':
    'a:\n  - 1\n  - - x\n    - y\n  - k: v\n    l: w\nb:\n- p\n- q\nc: z\n',
  'flow collections, nested, over lines, trailing comma':
    'a: { B: 1, C: [x, "y", { D: e }], E: [] }\nb: [\n    1,\n    2,\n  ]\nc: {}\nd:\n  - { K: v, L: [1, 2] }\n  - []\ne:\n  [p, q]\nf: {"j":1}\n',
  'tags on scalars, sequences and mappings':
    'a: !Ref X\nb: !GetAtt [A, B]\nc: !Sub\n  - "${x}"\n  - { x: !Ref Y }\nd:\n  - !If [C, !Ref A, !Ref "AWS::NoValue"]\n  - !Not [!Equals [a, b]]\ne: !Transform\n  Name: x\nf: !Rain::Embed file.py\n',
  'tags with nothing under them': 'a: !GetAZs\nc: !Select\n  - 0\n  - !GetAZs\nd: 1\n',
  'block scalars':
    'a: |\n  one\n   two\n\n  three\nb: >\n  folded\n  line\n\n   more\n  back\nc: |-\n  strip\n\nd: |+\n  keep\n\ne: |2\n    indented\nf: !Sub |\n  #!/bin/bash\n  echo ${X}\ng:\n  - |\n    item\n  - !Base64 |\n    tagged\nh: x\n',
  'a document start marker, CRLF and a BOM': '\uFEFF---\r\nA: 1\r\nB:\r\n  - x\r\n',
  'duplicate keys: the last value wins': 'a: 1\nb: 2\na: 3\n',
  'a plain scalar followed by a more indented comment': 'a:\n  - x\n      # note\n  - y\nb: z\n    # note\n',
  'empty values': 'a:\nb: 1\nc:\n\nd: 2\n',
};

/** Text js-yaml reads differently, refuses, or that the fast reader leaves to it: never a different answer. */
const EDGES = [
  'a: b\n  c\n', // multi-line plain scalar
  'a: "b\n  c"\n', // multi-line quoted scalar
  'a: &x 1\nb: *x\n',
  '? a\n: b\n',
  'a:\n\t- b\n',
  '%YAML 1.2\n---\na: 1\n',
  'a: 1\n---\nb: 2\n',
  '---x: 1\n',
  '# c\n---"x": 1\n',
  'a: 1\n...\n',
  '- a\n- b\n',
  'plain\n',
  '{ "a": 1 }\n',
  'a: [b: c]\n',
  'a: { b }\n',
  'a: [b, , c]\n',
  'a:\n  -\n  - b\n',
  'a: b: c\n',
  'a: "b" c\n',
  'a: 1\n b: 2\n',
  'a:\n  b: 1\n c: 2\n',
  'a: !!str 1\n',
  'a: !<tag:x> 1\n',
  'a: !e!x 1\n',
  '1: a\n',
  'true: a\n',
  '__proto__: a\n',
  'a: "\\q"\n',
  'a: "\\x4"\n',
  'a: |0\n  x\n',
  'a: |++\n  x\n',
  'a: |\n      x\n    y\n',
  'a: >\n\n      x\n    y\n',
  'a: x #c\n  b: 1\n',
  'a: [x,\ny]\n',
  'a: [x\n  , y]\n',
  'a:\n  - x\n\n      # note\n  - y\n',
  'a:\n  - !Ref\n  - b\n',
  'b:\n  - !GetAZs\n  - x\n',
  'a: !Ref\n- b\n',
  'a:\n- b\nc\n',
  "'a\n  b': 1\n",
  'a: x\u0085y\n',
  'a: "x\u0001"\n',
  'a: |\n  x\n\u0007\n',
  'a: b\r',
  '',
  '# only a comment\n',
];

describe('readBlockYaml', () => {
  itAgreesWithJsYaml({
    verdict,
    reads: READS,
    edges: EDGES,
    alphabet: [
      ' ',
      '  ',
      '\n',
      ':',
      '- ',
      '#',
      "'",
      '"',
      '[',
      ']',
      '{',
      '}',
      ',',
      '!Ref ',
      '|',
      '>',
      'x',
      '1',
      '\n  ',
      '\n    ',
      ': ',
    ],
    seed: 20261123,
    spliceEdges: true,
  });
  it('declines rather than failing on hostile input', () => {
    expect(readBlockYaml(`a:${' ['.repeat(200)}`, constructTag)).toBeUndefined();
    expect(
      readBlockYaml('a:\n' + '  '.repeat(1).concat('- '.repeat(150)) + 'x\n', constructTag),
    ).toBeUndefined();
  });
});
