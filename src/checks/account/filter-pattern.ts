/**
 * CloudWatch Logs JSON filter patterns (`{ ($.eventName = "X") || ... }`), parsed and evaluated
 * against sample CloudTrail events. Judging a metric filter by what it catches, rather than by its
 * text, lets any equivalent pattern pass: other spacing, quoting, ordering, grouping, wildcards or
 * regular expressions. Patterns that are not JSON patterns (plain terms) never match.
 */

type Literal =
  | { kind: 'string'; text: string; glob: boolean }
  | { kind: 'regex'; regex: RegExp }
  | { kind: 'number'; value: number };

type Node =
  | { kind: 'and' | 'or'; left: Node; right: Node }
  | { kind: 'compare'; path: Array<string | number>; op: string; literal: Literal }
  | { kind: 'test'; path: Array<string | number>; test: 'exists' | 'not-exists' | 'null' | 'true' | 'false' };

type Token = { type: 'punct' | 'op' | 'selector' | 'string' | 'regex' | 'word'; text: string };

const TOKEN =
  /\s*(?:(&&|\|\|)|(!=|<=|>=|=|<|>)|([{}()])|(\$(?:\.[A-Za-z0-9_$@-]+|\[\d+\])*)|"((?:[^"\\]|\\.)*)"|%((?:[^%\\]|\\.)*)%|([^\s(){}&|=!<>"%]+))/y;

function tokenize(text: string): Token[] | undefined {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    if (/^\s*$/.test(text.slice(TOKEN.lastIndex))) break;
    const m = TOKEN.exec(text);
    if (!m) return undefined;
    if (m[1]) tokens.push({ type: 'op', text: m[1] });
    else if (m[2]) tokens.push({ type: 'op', text: m[2] });
    else if (m[3]) tokens.push({ type: 'punct', text: m[3] });
    else if (m[4]) tokens.push({ type: 'selector', text: m[4] });
    else if (m[5] !== undefined) tokens.push({ type: 'string', text: m[5].replace(/\\(.)/g, '$1') });
    else if (m[6] !== undefined) tokens.push({ type: 'regex', text: m[6] });
    else if (m[7]) tokens.push({ type: 'word', text: m[7] });
  }
  return tokens;
}

function selectorPath(selector: string): Array<string | number> {
  return [...selector.matchAll(/\.([^.[]+)|\[(\d+)\]/g)].map((m) =>
    m[1] !== undefined ? m[1] : Number(m[2]),
  );
}

function literalOf(token: Token): Literal | undefined {
  if (token.type === 'regex') {
    try {
      return { kind: 'regex', regex: new RegExp(token.text) };
    } catch {
      return undefined;
    }
  }
  if (token.type === 'word' && /^-?\d+(\.\d+)?$/.test(token.text))
    return { kind: 'number', value: Number(token.text) };
  if (token.type === 'string' || token.type === 'word')
    return { kind: 'string', text: token.text, glob: token.text.includes('*') };
  return undefined;
}

/** Recursive descent: `||` binds looser than `&&`, parentheses group. Undefined on any syntax it does not know. */
function parse(tokens: Token[]): Node | undefined {
  let at = 0;
  const peek = () => tokens[at];
  const take = () => tokens[at++];
  const word = (t: Token | undefined, w: string) => t?.type === 'word' && t.text.toUpperCase() === w;

  function primary(): Node | undefined {
    const t = take();
    if (!t) return undefined;
    if (t.type === 'punct' && t.text === '(') {
      const inner = or();
      const close = take();
      return inner && close?.text === ')' ? inner : undefined;
    }
    if (t.type !== 'selector') return undefined;
    const path = selectorPath(t.text);
    const next = take();
    if (word(next, 'NOT') && word(take(), 'EXISTS')) return { kind: 'test', path, test: 'not-exists' };
    if (word(next, 'EXISTS')) return { kind: 'test', path, test: 'exists' };
    if (word(next, 'IS')) {
      const what = take()?.text.toUpperCase();
      if (what === 'NULL' || what === 'TRUE' || what === 'FALSE')
        return { kind: 'test', path, test: what.toLowerCase() as 'null' | 'true' | 'false' };
      return undefined;
    }
    if (next?.type !== 'op' || next.text === '&&' || next.text === '||') return undefined;
    const value = take();
    const literal = value && literalOf(value);
    return literal ? { kind: 'compare', path, op: next.text, literal } : undefined;
  }
  function and(): Node | undefined {
    let left = primary();
    while (left && peek()?.text === '&&') {
      take();
      const right = primary();
      left = right ? { kind: 'and', left, right } : undefined;
    }
    return left;
  }
  function or(): Node | undefined {
    let left = and();
    while (left && peek()?.text === '||') {
      take();
      const right = and();
      left = right ? { kind: 'or', left, right } : undefined;
    }
    return left;
  }

  if (take()?.text !== '{') return undefined;
  const tree = or();
  if (take()?.text !== '}' || at !== tokens.length) return undefined;
  return tree;
}

const MISSING = Symbol('missing');

function resolve(event: unknown, path: Array<string | number>): unknown {
  let here: unknown = event;
  for (const step of path) {
    if (here === null || typeof here !== 'object') return MISSING;
    const next = (here as Record<string | number, unknown>)[step];
    if (next === undefined) return MISSING;
    here = next;
  }
  return here;
}

function globToRegex(text: string): RegExp {
  const escaped = text.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`, 's');
}

function compare(actual: unknown, op: string, literal: Literal): boolean {
  // A comparison on a field the event lacks is false whatever the operator, as in CloudWatch.
  if (actual === MISSING || actual === null || typeof actual === 'object') return false;
  if (literal.kind === 'number') {
    const n = typeof actual === 'number' ? actual : Number(actual);
    if (Number.isNaN(n)) return op === '!=';
    const v = literal.value;
    return { '=': n === v, '!=': n !== v, '<': n < v, '>': n > v, '<=': n <= v, '>=': n >= v }[op] ?? false;
  }
  const text = String(actual);
  const equal =
    literal.kind === 'regex'
      ? literal.regex.test(text)
      : literal.glob
        ? globToRegex(literal.text).test(text)
        : text === literal.text;
  if (op === '=') return equal;
  if (op === '!=') return !equal;
  return false;
}

function evaluate(node: Node, event: unknown): boolean {
  switch (node.kind) {
    case 'and':
      return evaluate(node.left, event) && evaluate(node.right, event);
    case 'or':
      return evaluate(node.left, event) || evaluate(node.right, event);
    case 'compare':
      return compare(resolve(event, node.path), node.op, node.literal);
    case 'test': {
      const v = resolve(event, node.path);
      if (node.test === 'not-exists') return v === MISSING;
      if (node.test === 'exists') return v !== MISSING;
      if (node.test === 'null') return v === null;
      return v === (node.test === 'true');
    }
  }
}

export type EventMatcher = (event: unknown) => boolean;

/** A matcher for a JSON filter pattern, or undefined when the text is not one this parser understands. */
export function compileFilterPattern(pattern: string): EventMatcher | undefined {
  const tokens = tokenize(pattern.trim());
  const tree = tokens && parse(tokens);
  return tree ? (event) => evaluate(tree, event) : undefined;
}
