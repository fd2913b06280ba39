/**
 * Three-valued (Kleene) logic. Templates leave values unknown until deployment and callers leave
 * context keys unsaid, so every matcher answers true, false or 'unknown'; an unknown must never
 * be rounded to an allow or a deny.
 */
export type Tri = boolean | 'unknown';

export function triAnd(a: Tri, b: Tri): Tri {
  if (a === false || b === false) return false;
  if (a === true && b === true) return true;
  return 'unknown';
}

export function triOr(a: Tri, b: Tri): Tri {
  if (a === true || b === true) return true;
  if (a === false && b === false) return false;
  return 'unknown';
}

export function triNot(a: Tri): Tri {
  return a === 'unknown' ? a : !a;
}

/** OR over a list, stopping at the first definite true. */
export function triSome<T>(items: readonly T[], test: (item: T) => Tri): Tri {
  let out: Tri = false;
  for (const item of items) {
    const r = test(item);
    if (r === true) return true;
    if (r === 'unknown') out = 'unknown';
  }
  return out;
}

/** AND over a list, stopping at the first definite false. */
export function triEvery<T>(items: readonly T[], test: (item: T) => Tri): Tri {
  let out: Tri = true;
  for (const item of items) {
    const r = test(item);
    if (r === false) return false;
    if (r === 'unknown') out = 'unknown';
  }
  return out;
}
