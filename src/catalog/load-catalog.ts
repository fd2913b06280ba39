/**
 * Loads and validates the catalog's JSON files. Reads synchronously, relative to this module, so
 * the same code works from src/ under vitest and from dist/ once the build copies the data.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import type { z } from 'zod';
import { type CatalogProblem, findIntegrityProblems, formatPath, type ParsedFiles } from './integrity.js';
import {
  type Area,
  AreasFileSchema,
  type Assignment,
  CategoriesFileSchema,
  type Category,
  type Framework,
  type FrameworkKey,
  FrameworksFileSchema,
} from './schema.js';
import {
  FactsFileSchema,
  type ProviderFile,
  ProviderFileSchema,
  type ResourceFact,
  type Service,
  ServicesFileSchema,
} from './service-schema.js';

export type { CatalogProblem } from './integrity.js';

export const CATALOG_FILES = {
  areas: 'areas.json',
  categories: 'categories.json',
  facts: 'resource-facts.json',
  provider: 'provider.json',
  frameworks: 'frameworks.json',
} as const;
export type CatalogFileName = keyof typeof CATALOG_FILES;
/** Services are split by domain into the JSON files of this folder. */
export const SERVICES_DIR = 'services/';

/** The raw contents of every file; `services` maps `services/<domain>.json` to its content. */
export type RawCatalog = Record<CatalogFileName, unknown> & { services: Record<string, unknown> };

export interface Trait {
  id: string;
  description: string;
  assignments: Record<string, Assignment>;
}

export interface Catalog {
  areas: readonly Area[];
  categories: readonly Category[];
  /** Owners of account-scoped areas, answered once per account. */
  accountAreas: Readonly<Record<string, Assignment>>;
  /** Account areas no check verifies yet (answered by attestation). */
  accountAttestationOnly: readonly string[];
  traits: ReadonlyMap<string, Trait>;
  services: readonly Service[];
  resourceFacts: readonly ResourceFact[];
  frameworks: readonly Framework[];
  provider: ProviderFile;
  areaById: ReadonlyMap<string, Area>;
  categoryById: ReadonlyMap<string, Category>;
  serviceById: ReadonlyMap<string, Service>;
  serviceByResourceType: ReadonlyMap<string, Service>;
  requirementIds: ReadonlyMap<FrameworkKey, ReadonlySet<string>>;
}

/** Every problem found, each with its file and JSON path, so one run shows them all. */
export class CatalogError extends Error {
  constructor(readonly problems: readonly CatalogProblem[]) {
    super(
      `invalid responsibility catalog:\n${problems.map((p) => `  ${p.file} at ${p.path}: ${p.message}`).join('\n')}`,
    );
    this.name = 'CatalogError';
  }
}

function validate<S extends z.ZodType>(schema: S, file: string, raw: unknown, problems: CatalogProblem[]) {
  const result = schema.safeParse(raw);
  if (result.success) return result.data as z.infer<S>;
  for (const issue of result.error.issues)
    problems.push({ file, path: formatPath(issue.path), message: issue.message });
  return undefined;
}

/** Validates already-read file contents; throws CatalogError naming every bad file and path. */
export function parseCatalog(raw: RawCatalog): Catalog {
  const { files, provider } = validateCatalog(raw);
  return index(files, provider);
}

/** The validated contents of a catalog, as the build stores them (see scripts/compile-catalog.mjs). */
export interface ValidatedCatalog {
  files: ParsedFiles;
  provider: ProviderFile;
}

export function validateCatalog(raw: RawCatalog): ValidatedCatalog {
  const problems: CatalogProblem[] = [];
  const areas = validate(AreasFileSchema, CATALOG_FILES.areas, raw.areas, problems);
  const categories = validate(CategoriesFileSchema, CATALOG_FILES.categories, raw.categories, problems);
  const facts = validate(FactsFileSchema, CATALOG_FILES.facts, raw.facts, problems);
  const provider = validate(ProviderFileSchema, CATALOG_FILES.provider, raw.provider, problems);
  const frameworks = validate(FrameworksFileSchema, CATALOG_FILES.frameworks, raw.frameworks, problems);
  const serviceFiles: ParsedFiles['services'] = [];
  for (const [file, content] of Object.entries(raw.services).sort(([a], [b]) => a.localeCompare(b))) {
    const parsed = validate(ServicesFileSchema, file, content, problems);
    if (parsed) serviceFiles.push({ file, services: parsed.services });
  }
  if (serviceFiles.length === 0 && problems.length === 0)
    problems.push({ file: SERVICES_DIR, path: '$', message: 'no service files' });
  if (!areas || !categories || !facts || !provider || !frameworks || problems.length > 0)
    throw new CatalogError(problems);
  const files: ParsedFiles = { areas, categories, facts, frameworks, services: serviceFiles };
  const integrity = findIntegrityProblems(files);
  if (integrity.length > 0) throw new CatalogError(integrity);
  return { files, provider };
}

/** Identifies the exact contents of a catalog, so a stored validation is used only for them. */
export function catalogFingerprint(raw: RawCatalog): string {
  return createHash('sha256').update(JSON.stringify(raw)).digest('hex');
}

/** Written by the build beside the data files: the validated catalog and what it was made from. */
export const COMPILED_CATALOG_FILE = 'compiled.json';

/**
 * The build validates the catalog once and stores the result; a scan then skips the schema pass,
 * the costliest part of loading. Only a file made from exactly these contents is trusted.
 */
function readCompiled(dir: URL, raw: RawCatalog): ValidatedCatalog | undefined {
  let stored: { fingerprint?: unknown; catalog?: ValidatedCatalog };
  try {
    stored = JSON.parse(readFileSync(new URL(COMPILED_CATALOG_FILE, dir), 'utf8'));
  } catch {
    return undefined;
  }
  return stored.fingerprint === catalogFingerprint(raw) ? stored.catalog : undefined;
}

function index(files: ParsedFiles, provider: ProviderFile): Catalog {
  const services = files.services.flatMap((f) => f.services);
  const serviceByResourceType = new Map<string, Service>();
  for (const svc of services) for (const type of svc.resourceTypes) serviceByResourceType.set(type, svc);
  const requirementIds = new Map<FrameworkKey, ReadonlySet<string>>();
  for (const fw of files.frameworks.frameworks)
    requirementIds.set(fw.key, new Set(fw.requirements.map((r) => r.id)));
  return {
    areas: files.areas.areas,
    categories: files.categories.categories,
    accountAreas: files.categories.account.areas,
    accountAttestationOnly: files.categories.account.attestationOnly,
    traits: new Map(files.categories.traits.map((t) => [t.id, t])),
    services,
    resourceFacts: files.facts.resourceFacts,
    frameworks: files.frameworks.frameworks,
    provider,
    areaById: new Map(files.areas.areas.map((a) => [a.id, a])),
    categoryById: new Map(files.categories.categories.map((c) => [c.id, c])),
    serviceById: new Map(services.map((s) => [s.id, s])),
    serviceByResourceType,
    requirementIds,
  };
}

const DEFAULT_DIR = new URL('./data/', import.meta.url);
const cache = new Map<string, Catalog>();

/** Reads every file of a catalog directory without validating it (tests edit the result). */
export function readRawCatalog(dir: URL = DEFAULT_DIR): { raw: RawCatalog; problems: CatalogProblem[] } {
  const problems: CatalogProblem[] = [];
  const read = (file: string): unknown => {
    try {
      return JSON.parse(readFileSync(new URL(file, dir), 'utf8'));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      problems.push({ file, path: '$', message: `cannot read or parse: ${reason}` });
      return undefined;
    }
  };
  const raw = { services: {} } as RawCatalog;
  for (const [name, file] of Object.entries(CATALOG_FILES) as Array<[CatalogFileName, string]>)
    raw[name] = read(file);
  let names: string[] = [];
  try {
    names = readdirSync(new URL(SERVICES_DIR, dir)).filter((n) => n.endsWith('.json'));
  } catch {
    problems.push({ file: SERVICES_DIR, path: '$', message: 'cannot list the services folder' });
  }
  for (const name of names) raw.services[`${SERVICES_DIR}${name}`] = read(`${SERVICES_DIR}${name}`);
  return { raw, problems };
}

/** Reads the catalog from `dir` (default: data/ beside this module); cached per directory. */
export function loadCatalog(dir: URL = DEFAULT_DIR): Catalog {
  const cached = cache.get(dir.href);
  if (cached) return cached;
  const { raw, problems } = readRawCatalog(dir);
  if (problems.length > 0) throw new CatalogError(problems);
  const compiled = readCompiled(dir, raw);
  const catalog = compiled ? index(compiled.files, compiled.provider) : parseCatalog(raw);
  cache.set(dir.href, catalog);
  return catalog;
}
