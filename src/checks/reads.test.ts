import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadTemplateText } from '../sources/cloudformation/index.js';
import { badAccount, goodAccount, NOW, recordAccountReads, unknownAccount } from './account/test-accounts.js';
import { createCheckContext } from './check.js';
import { recordReads } from './record-reads.js';
import { ALL_CHECKS } from './registry.js';

const here = dirname(fileURLToPath(import.meta.url));

describe('each check declares every model field it reads (live scans fetch only those)', () => {
  for (const check of ALL_CHECKS) {
    it(check.id, () => {
      const seen = new Set<string>();
      // Templates never produce an AWS::Account: account checks read the hand-built accounts instead.
      if ((check.resourceTypes as readonly string[]).includes('AWS::Account')) {
        for (const account of [goodAccount(), badAccount(), unknownAccount()]) {
          const inventory = {
            source: { kind: 'aws' as const, location: 'test' },
            resources: [account],
            unmodeled: [],
            notCreated: [],
            problems: [],
          };
          check.evaluate(
            recordAccountReads(account, seen) as never,
            createCheckContext(inventory, undefined, NOW),
          );
        }
      }
      for (const group of ['data', 'network', 'identity', 'logging', 'runtime', 'resilience', 'account']) {
        for (const kind of ['good', 'bad']) {
          let text: string;
          try {
            text = readFileSync(join(here, group, `${check.id}.${kind}.yaml`), 'utf8');
          } catch {
            continue;
          }
          const inventory = loadTemplateText(text, `${check.id}.${kind}.yaml`);
          const context = createCheckContext(inventory);
          for (const resource of inventory.resources) {
            if (!(check.resourceTypes as readonly string[]).includes(resource.type)) continue;
            check.evaluate(recordReads(resource, seen) as never, context);
          }
        }
      }
      expect([...seen].filter((field) => !check.reads.includes(field))).toEqual([]);
    });
  }
});
