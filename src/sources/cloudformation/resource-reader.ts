import { awsDefault, explicit, type SourceRef, unknown, type Value } from '../../model/value.js';
import { NO_VALUE, resolve, Unresolved } from './intrinsics.js';
import type { TemplateContext } from './template-context.js';

export type PropertyPath = readonly (string | number)[];

const UNREAD = Symbol('unread');

/** Turns a resolved datum into T, or undefined when it has the wrong shape. */
export type Parser<T> = (value: unknown) => T | undefined;

export const asString: Parser<string> = (v) =>
  typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;

export const asBoolean: Parser<boolean> = (v) => {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string' && /^(true|false)$/i.test(v)) return v.toLowerCase() === 'true';
  return undefined;
};

export const asNumber: Parser<number> = (v) => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : Number.NaN;
  return Number.isFinite(n) ? n : undefined;
};

export const asStringList: Parser<string[]> = (v) => {
  if (typeof v === 'string') return v.split(',').map((s) => s.trim());
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) return undefined;
  return v as string[];
};

/** Accepts one of `allowed`, matched without regard to case, and returns its canonical spelling. */
export function asOneOf<T extends string>(allowed: readonly T[]): Parser<T> {
  return (v) =>
    typeof v === 'string' ? allowed.find((a) => a.toLowerCase() === v.toLowerCase()) : undefined;
}

/** True when a resolved datum (or anything inside it) could not be resolved. */
export function hasUnresolved(value: unknown): Unresolved | undefined {
  if (value instanceof Unresolved) return value;
  if (typeof value === 'string' && value.includes('{{unresolved:')) {
    const what = /\{\{unresolved:([^}]*)\}\}/.exec(value)?.[1] ?? 'a value';
    return new Unresolved(`depends on ${what}, known only at deploy time`);
  }
  return undefined;
}

const readers = new WeakMap<TemplateContext, Map<string, ResourceReader>>();

/**
 * The reader of a resource that others refer to (the subnet of every instance): kept, so its
 * properties are resolved once. The resources being mapped get a reader each, dropped after use,
 * as keeping every resolved template in memory costs the garbage collector more than it saves.
 */
export function readerOf(ctx: TemplateContext, logicalId: string, type: string): ResourceReader {
  let byId = readers.get(ctx);
  if (!byId) {
    byId = new Map();
    readers.set(ctx, byId);
  }
  let reader = byId.get(logicalId);
  if (!reader || reader.type !== type) {
    reader = new ResourceReader(ctx, logicalId, type);
    byId.set(logicalId, reader);
  }
  return reader;
}

/**
 * Reads one resource's properties as typed Values with their source lines. Mappers use it so that
 * every value says whether it was set, defaulted or unknown, and where.
 */
export class ResourceReader {
  constructor(
    readonly ctx: TemplateContext,
    readonly logicalId: string,
    readonly type: string,
  ) {}

  private resolvedProperties: unknown = UNREAD;

  /**
   * Properties with every intrinsic resolved, computed on the first read: a mapper reads a dozen
   * paths of one resource, and resolving the whole once is cheaper than a subtree per read. It also
   * indexes lists the way CloudFormation sees them, after AWS::NoValue items are dropped.
   */
  private get properties(): unknown {
    if (this.resolvedProperties === UNREAD)
      this.resolvedProperties = resolve(this.ctx.body.Resources[this.logicalId]?.Properties, this.ctx);
    return this.resolvedProperties;
  }

  /** The resolved value at `path` under Properties; undefined when absent or AWS::NoValue. */
  get(path: PropertyPath): unknown {
    let node: unknown = this.properties;
    for (const step of path) {
      if (node instanceof Unresolved) return node;
      if (node === null || typeof node !== 'object') return undefined;
      node = (node as Record<string | number, unknown>)[step];
    }
    return node === NO_VALUE ? undefined : node;
  }

  has(path: PropertyPath): boolean {
    return this.get(path) !== undefined;
  }

  private resourceSource: SourceRef | undefined;

  source(path: PropertyPath = []): SourceRef {
    // The resource's own line is asked for by most of its defaulted values.
    if (path.length === 0) return (this.resourceSource ??= this.ctx.sourceOf(this.logicalId, path, true));
    return this.ctx.sourceOf(this.logicalId, path, true);
  }

  /** Where a value was found, or its nearest existing parent when it is absent. */
  private nearestSource(path: PropertyPath): SourceRef {
    return this.source(path);
  }

  read<T>(path: PropertyPath, parse: Parser<T>, absent: T): Value<T> {
    const raw = this.get(path);
    const src = this.nearestSource(path);
    if (raw === undefined || raw === null) return awsDefault(absent, src);
    const unresolved = hasUnresolved(raw);
    if (unresolved) return unknown(`${path.join('.')} ${unresolved.reason}`, src);
    const parsed = parse(raw);
    if (parsed === undefined) return unknown(`${path.join('.')} has an unexpected value`, src);
    return explicit(parsed, src);
  }

  /** Like `read`, for values that have no AWS default: absent is unknown. */
  required<T>(path: PropertyPath, parse: Parser<T>): Value<T> {
    const raw = this.get(path);
    if (raw === undefined || raw === null)
      return unknown(`${path.join('.')} is not set`, this.nearestSource(path));
    return this.read(path, parse, undefined as T);
  }

  string(path: PropertyPath, absent: string): Value<string>;
  string(path: PropertyPath, absent: null): Value<string | null>;
  string(path: PropertyPath, absent: string | null): Value<string | null> {
    return this.read<string | null>(path, asString, absent);
  }

  boolean(path: PropertyPath, absent: boolean): Value<boolean> {
    return this.read(path, asBoolean, absent);
  }

  number(path: PropertyPath, absent: number): Value<number> {
    return this.read(path, asNumber, absent);
  }

  /** Number of items in the list at `path` (0 when absent or unknown). */
  count(path: PropertyPath): number {
    const list = this.get(path);
    return Array.isArray(list) ? list.length : 0;
  }

  /** Each string of a list as its own Value, so one unknown element does not hide the others. */
  stringItems(path: PropertyPath): Value<string>[] {
    const list = this.get(path);
    if (list === undefined) return [];
    if (!Array.isArray(list)) {
      const unresolved = hasUnresolved(list);
      return [unknown(`${path.join('.')} ${unresolved?.reason ?? 'is not a list'}`, this.source(path))];
    }
    return list.map((_, i) => this.required([...path, i], asString));
  }

  /** Logical id behind a `{{LogicalId}}` or `{{LogicalId.Attribute}}` token, if the value is one. */
  referencedLogicalId(path: PropertyPath): string | undefined {
    return logicalIdOfToken(this.get(path));
  }
}

export function logicalIdOfToken(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^\{\{([A-Za-z0-9]+)(?:\.[^}]*)?\}\}$/.exec(value);
  return match?.[1];
}
