// tsc copies only imported JSON; the catalog's data files are read at run time, so copy them.
import { cpSync } from 'node:fs';

cpSync(new URL('../src/catalog/data', import.meta.url), new URL('../dist/catalog/data', import.meta.url), {
  recursive: true,
});
