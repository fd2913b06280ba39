import type { Collector } from '../collector.js';
import { iamCollector } from './iam.js';
import { s3Collector } from './s3.js';

/** Every collector; the planner runs only those whose output a selected check reads. */
export const ALL_COLLECTORS: readonly Collector[] = [iamCollector, s3Collector];
