/**
 * Test support: whether the fast reader and js-yaml agree on a text. The fast reader may decline
 * (undefined); when it reads, the body and the line of every key and item must be js-yaml's.
 */
import { isDeepStrictEqual } from 'node:util';
import type yaml from 'js-yaml';
import { expect, it } from 'vitest';
import type { LineIndex } from '../src/yaml/line-recorder.js';
import { loadYamlWithLines } from '../src/yaml/load-with-lines.js';

export type Verdict =
  | { kind: 'fast' }
  | { kind: 'declined' }
  | { kind: 'js-yaml-error'; fastAccepted: boolean }
  | { kind: 'differs'; detail: string };

export type FastReader = (text: string) => { body: unknown; lines: LineIndex } | undefined;

export function compareReaders(text: string, schema: yaml.Schema, fastReader: FastReader): Verdict {
  let reference: { body: unknown; lines: LineIndex };
  try {
    reference = loadYamlWithLines(text, { schema, filename: 'test.yaml', maxAliases: 1000, json: true });
  } catch {
    return { kind: 'js-yaml-error', fastAccepted: fastReader(text) !== undefined };
  }
  const fast = fastReader(text);
  if (fast === undefined) return { kind: 'declined' };
  if (
    !isDeepStrictEqual(reference.body, fast.body) ||
    JSON.stringify(reference.body) !== JSON.stringify(fast.body)
  ) {
    return {
      kind: 'differs',
      detail: `body: ${JSON.stringify(reference.body)} vs ${JSON.stringify(fast.body)}`,
    };
  }
  const difference = firstLineDifference(reference, fast, reference.body, fast.body, '');
  return difference === undefined ? { kind: 'fast' } : { kind: 'differs', detail: difference };
}

function firstLineDifference(
  reference: { lines: LineIndex },
  fast: { lines: LineIndex },
  expected: unknown,
  actual: unknown,
  path: string,
): string | undefined {
  if (expected === null || typeof expected !== 'object' || actual === null || typeof actual !== 'object')
    return undefined;
  const keys: Array<string | number> = Array.isArray(expected)
    ? expected.map((_, index) => index)
    : Object.keys(expected);
  for (const key of keys) {
    const want = reference.lines.lineOf(expected, key);
    const got = fast.lines.lineOf(actual, key);
    if (want !== got) return `line of ${path}.${key}: js-yaml ${want}, fast ${got}`;
    const inner = firstLineDifference(
      reference,
      fast,
      (expected as Record<string | number, unknown>)[key],
      (actual as Record<string | number, unknown>)[key],
      `${path}.${key}`,
    );
    if (inner !== undefined) return inner;
  }
  return undefined;
}

/** The two ways the fast reader may be wrong: another answer, or accepting what js-yaml refuses. */
export function isDisagreement(verdict: Verdict): boolean {
  return verdict.kind === 'differs' || (verdict.kind === 'js-yaml-error' && verdict.fastAccepted);
}

/**
 * Documents made by editing `bases` at random (a fixed seed, so failures repeat): each is the
 * concatenation of `pick` bases with up to `maxEdits` insertions of `alphabet` pieces.
 */
export function* mutatedTexts(options: {
  seed: number;
  rounds: number;
  bases: readonly string[];
  extras?: readonly string[];
  alphabet: readonly string[];
  maxEdits: number;
}): Generator<string> {
  let seed = options.seed;
  const random = (below: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % below;
  };
  const { bases, alphabet } = options;
  const extras = options.extras ?? [];
  for (let round = 0; round < options.rounds; round += 1) {
    let text = bases[random(bases.length)] as string;
    if (extras.length > 0) {
      const pool = [...bases, ...extras];
      text += pool[random(pool.length)] as string;
    }
    for (let edits = random(options.maxEdits + 1); edits > 0; edits -= 1) {
      const at = random(text.length + 1);
      text = text.slice(0, at) + (alphabet[random(alphabet.length)] as string) + text.slice(at + random(3));
    }
    yield text;
  }
}

/**
 * The tests every fast reader owes: it reads the shapes it claims exactly as js-yaml does, and it
 * never disagrees with js-yaml, neither on edge cases nor on thousands of mutated documents.
 */
export function itAgreesWithJsYaml(options: {
  verdict: (text: string) => Verdict;
  reads: Readonly<Record<string, string>>;
  edges: readonly string[];
  alphabet: readonly string[];
  seed: number;
  /** Mutations also splice an edge case after the document. */
  spliceEdges?: boolean;
}): void {
  const { verdict, reads, edges } = options;
  for (const [shape, text] of Object.entries(reads)) {
    it(`reads ${shape} exactly as js-yaml does`, () => {
      expect(verdict(text)).toEqual({ kind: 'fast' });
    });
  }
  it('never disagrees with js-yaml on the edge cases', () => {
    for (const text of edges)
      expect({ text, disagrees: isDisagreement(verdict(text)) }).toEqual({ text, disagrees: false });
  });
  it('never disagrees with js-yaml on thousands of mutated documents', () => {
    let fast = 0;
    const texts = mutatedTexts({
      seed: options.seed,
      rounds: 3000,
      bases: Object.values(reads),
      ...(options.spliceEdges ? { extras: edges } : {}),
      alphabet: options.alphabet,
      maxEdits: 2,
    });
    for (const text of texts) {
      const result = verdict(text);
      if (result.kind === 'fast') fast += 1;
      expect({ text, disagrees: isDisagreement(result) }).toEqual({ text, disagrees: false });
    }
    // The mutations must leave plenty of documents the fast reader reads, or the test proves little.
    expect(fast).toBeGreaterThan(300);
  });
}
