import { readFile, writeFile } from 'node:fs/promises';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Inventory } from '../../model/inventory.js';

/** Bumped when the saved shape changes incompatibly; older files are refused with a clear error. */
export const SNAPSHOT_FORMAT = 'whoowns-inventory/1';

/** Inventories hold configuration, never data, so even huge accounts stay well below this. */
const MAX_UNCOMPRESSED_BYTES = 1024 * 1024 * 1024;

export class SnapshotError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
    this.name = 'SnapshotError';
  }
}

interface SnapshotFile {
  format: string;
  savedAt: string;
  tool: string;
  inventories: Inventory[];
}

/**
 * Writes inventories as gzip JSON. The model never carries secret-bearing values (Lambda
 * environment values, EC2 user data, NoEcho parameters), so nothing secret can be written.
 */
export async function saveInventory(
  file: string,
  inventories: readonly Inventory[],
  toolVersion: string,
): Promise<void> {
  const body: SnapshotFile = {
    format: SNAPSHOT_FORMAT,
    savedAt: new Date().toISOString(),
    tool: toolVersion,
    inventories: [...inventories],
  };
  await writeFile(file, gzipSync(JSON.stringify(body)));
}

function isInventory(value: unknown): value is Inventory {
  const v = value as Partial<Inventory> | null;
  return (
    !!v &&
    typeof v === 'object' &&
    !!v.source &&
    typeof v.source.kind === 'string' &&
    Array.isArray(v.resources) &&
    Array.isArray(v.unmodeled) &&
    Array.isArray(v.notCreated) &&
    Array.isArray(v.problems)
  );
}

/** Reads a saved inventory; every way it can be wrong becomes one SnapshotError naming the file. */
export async function loadInventory(file: string): Promise<Inventory[]> {
  let raw: Buffer;
  try {
    raw = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new SnapshotError(
      file,
      code === 'ENOENT' ? 'inventory file not found' : `cannot read the inventory (${code})`,
    );
  }
  let text: string;
  try {
    text = gunzipSync(raw, { maxOutputLength: MAX_UNCOMPRESSED_BYTES }).toString('utf8');
  } catch {
    throw new SnapshotError(
      file,
      'not a whoowns inventory (expected a gzip file written by --save-inventory)',
    );
  }
  let body: Partial<SnapshotFile>;
  try {
    body = JSON.parse(text) as Partial<SnapshotFile>;
  } catch {
    throw new SnapshotError(file, 'the inventory is damaged (its JSON does not parse)');
  }
  if (body.format !== SNAPSHOT_FORMAT) {
    throw new SnapshotError(
      file,
      `unsupported inventory format ${JSON.stringify(body.format ?? null)} (this whoowns reads ${SNAPSHOT_FORMAT})`,
    );
  }
  if (!Array.isArray(body.inventories) || !body.inventories.every(isInventory)) {
    throw new SnapshotError(file, 'the inventory is damaged (missing resources or source)');
  }
  // The original kind stays (account checks need to know it was a live account); the file is named.
  return body.inventories.map((inventory) => ({
    ...inventory,
    source: { ...inventory.source, location: `${inventory.source.location} (saved in ${file})` },
  }));
}
