/**
 * Small integer ids for the action and resource strings requests use, so the evaluator's caches
 * are array lookups rather than string hashing: the benchmark's millions of evaluations spend
 * most of their time there otherwise.
 */

export interface Interned {
  readonly id: number;
  readonly text: string;
}

const LIMIT = 2_000_000;

export class Interner {
  private readonly ids = new Map<string, Interned>();
  /** Bumped when the table is cleared, so caches keyed by id know to start over. */
  generation = 0;

  constructor(private readonly normalize: (s: string) => string = (s) => s) {}

  get(s: string): Interned {
    let found = this.ids.get(s);
    if (!found) {
      if (this.ids.size >= LIMIT) {
        this.ids.clear();
        this.generation++;
      }
      found = { id: this.ids.size, text: this.normalize(s) };
      this.ids.set(s, found);
    }
    return found;
  }
}

/** Action spellings map to their lower-case key (action names are case-insensitive). */
export const actionIds = new Interner((s) => s.toLowerCase());
export const resourceIds = new Interner();

/** Results per id, forgotten when the interner starts over. */
export class IdCache<T> {
  private values: Array<T | undefined> = [];
  private generation = 0;

  constructor(private readonly interner: Interner) {}

  get(id: number): T | undefined {
    if (this.generation !== this.interner.generation) {
      this.values = [];
      this.generation = this.interner.generation;
    }
    return this.values[id];
  }

  set(id: number, value: T): void {
    this.values[id] = value;
  }
}
