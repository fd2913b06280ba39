// Validates the built catalog once and stores the result beside its data files, so a scan skips the
// schema pass (loadCatalog trusts the file only when its fingerprint matches the data it reads).
import { writeFileSync } from 'node:fs';
import {
  COMPILED_CATALOG_FILE,
  catalogFingerprint,
  readRawCatalog,
  validateCatalog,
} from '../dist/catalog/load-catalog.js';

const dir = new URL('../dist/catalog/data/', import.meta.url);
const { raw, problems } = readRawCatalog(dir);
if (problems.length > 0) {
  console.error(`catalog: ${problems.map((p) => `${p.file} at ${p.path}: ${p.message}`).join('; ')}`);
  process.exit(1);
}
let catalog;
try {
  catalog = validateCatalog(raw);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
writeFileSync(
  new URL(COMPILED_CATALOG_FILE, dir),
  JSON.stringify({ fingerprint: catalogFingerprint(raw), catalog }),
);
