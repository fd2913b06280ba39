import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  CatalogError,
  COMPILED_CATALOG_FILE,
  catalogFingerprint,
  loadCatalog,
  parseCatalog,
  readRawCatalog,
  validateCatalog,
} from './load-catalog.js';

/** A copy of the real catalog with a compiled file, as the build leaves it in dist/. */
function compiledCopy(): URL {
  const dir = mkdtempSync(join(tmpdir(), 'whoowns-catalog-'));
  cpSync(new URL('./data/', import.meta.url), dir, { recursive: true });
  const url = pathToFileURL(`${dir}/`);
  const { raw } = readRawCatalog(url);
  writeFileSync(
    new URL(COMPILED_CATALOG_FILE, url),
    JSON.stringify({ fingerprint: catalogFingerprint(raw), catalog: validateCatalog(raw) }),
  );
  return url;
}

describe('compiled catalog', () => {
  it('loads the same catalog as a full validation', () => {
    const dir = compiledCopy();
    const { raw } = readRawCatalog(dir);
    expect(loadCatalog(dir)).toEqual(parseCatalog(raw));
  });

  it('is ignored once the data it was made from changes', () => {
    const dir = compiledCopy();
    const file = new URL('areas.json', dir);
    const areas = JSON.parse(readFileSync(file, 'utf8'));
    areas.areas[0].group = 'not-a-group';
    writeFileSync(file, JSON.stringify(areas));
    expect(() => loadCatalog(dir)).toThrow(CatalogError);
  });
});
