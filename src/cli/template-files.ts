import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { UsageError } from './errors.js';

const TEMPLATE_EXTENSIONS = new Set(['.yaml', '.yml', '.json', '.template']);

/** Expands directories into the template-looking files under them, sorted for stable output. */
export async function findTemplateFiles(
  paths: readonly string[],
): Promise<{ files: string[]; fromDirectory: Set<string> }> {
  const files: string[] = [];
  const fromDirectory = new Set<string>();
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (!info) throw new UsageError(`${path}: file not found`);
    if (!info.isDirectory()) {
      files.push(path);
      continue;
    }
    const found = await walk(path);
    if (found.length === 0)
      throw new UsageError(`${path}: no .yaml, .yml, .json or .template files in this directory`);
    for (const f of found) fromDirectory.add(f);
    files.push(...found);
  }
  return { files, fromDirectory };
}

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const out: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(path)));
    else if (entry.isFile() && TEMPLATE_EXTENSIONS.has(extname(entry.name).toLowerCase())) out.push(path);
  }
  return out;
}
