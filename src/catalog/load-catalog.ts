/**
 * Loads and validates the catalog's JSON files. Reads synchronously, relative to this module, so
 * the same code works from src/ under vitest and from dist/ once the build copies the data.
 */
import { readFileSync } from 'node:fs';
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
  type ResourceFact,
  type Service,
  ServicesFileSchema,
} from './schema.js';

export type { CatalogProblem } from './integrity.js';

export const CATALOG_FILES = {
  areas: 'areas.json',
  categories: 'categories.json',
  services: 'services.json',
  frameworks: 'frameworks.json',
} as const;
export type CatalogFileName = keyof typeof CATALOG_FILES;

export interface Catalog {
  areas: readonly Area[];
  categories: readonly Category[];
  /** Owners of account-scoped areas, answered once per account. */
  accountAreas: Readonly<Record<string, Assignment>>;
  services: readonly Service[];
  resourceFacts: readonly ResourceFact[];
  frameworks: readonly Framework[];
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

const SCHEMAS = {
  areas: AreasFileSchema,
  categories: CategoriesFileSchema,
  services: ServicesFileSchema,
  frameworks: FrameworksFileSchema,
} as const;

function validate<S extends z.ZodType>(schema: S, file: string, raw: unknown, problems: CatalogProblem[]) {
  const result = schema.safeParse(raw);
  if (result.success) return result.data as z.infer<S>;
  for (const issue of result.error.issues)
    problems.push({ file, path: formatPath(issue.path), message: issue.message });
  return undefined;
}

/** Validates already-read file contents; throws CatalogError naming every bad file and path. */
export function parseCatalog(raw: Record<CatalogFileName, unknown>): Catalog {
  const problems: CatalogProblem[] = [];
  const areas = validate(SCHEMAS.areas, CATALOG_FILES.areas, raw.areas, problems);
  const categories = validate(SCHEMAS.categories, CATALOG_FILES.categories, raw.categories, problems);
  const services = validate(SCHEMAS.services, CATALOG_FILES.services, raw.services, problems);
  const frameworks = validate(SCHEMAS.frameworks, CATALOG_FILES.frameworks, raw.frameworks, problems);
  if (!areas || !categories || !services || !frameworks) throw new CatalogError(problems);
  const files: ParsedFiles = { areas, categories, services, frameworks };
  const integrity = findIntegrityProblems(files);
  if (integrity.length > 0) throw new CatalogError(integrity);
  return index(files);
}

function index(files: ParsedFiles): Catalog {
  const services = files.services.services;
  const serviceByResourceType = new Map<string, Service>();
  for (const svc of services) for (const type of svc.resourceTypes) serviceByResourceType.set(type, svc);
  const requirementIds = new Map<FrameworkKey, ReadonlySet<string>>();
  for (const fw of files.frameworks.frameworks)
    requirementIds.set(fw.key, new Set(fw.requirements.map((r) => r.id)));
  return {
    areas: files.areas.areas,
    categories: files.categories.categories,
    accountAreas: files.categories.account.areas,
    services,
    resourceFacts: files.services.resourceFacts,
    frameworks: files.frameworks.frameworks,
    areaById: new Map(files.areas.areas.map((a) => [a.id, a])),
    categoryById: new Map(files.categories.categories.map((c) => [c.id, c])),
    serviceById: new Map(services.map((s) => [s.id, s])),
    serviceByResourceType,
    requirementIds,
  };
}

const DEFAULT_DIR = new URL('./data/', import.meta.url);
const cache = new Map<string, Catalog>();

/** Reads the four files from `dir` (default: data/ beside this module); cached per directory. */
export function loadCatalog(dir: URL = DEFAULT_DIR): Catalog {
  const cached = cache.get(dir.href);
  if (cached) return cached;
  const problems: CatalogProblem[] = [];
  const raw: Partial<Record<CatalogFileName, unknown>> = {};
  for (const [name, file] of Object.entries(CATALOG_FILES) as Array<[CatalogFileName, string]>) {
    try {
      raw[name] = JSON.parse(readFileSync(new URL(file, dir), 'utf8'));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      problems.push({ file, path: '$', message: `cannot read or parse: ${reason}` });
    }
  }
  if (problems.length > 0) throw new CatalogError(problems);
  const catalog = parseCatalog(raw as Record<CatalogFileName, unknown>);
  cache.set(dir.href, catalog);
  return catalog;
}
