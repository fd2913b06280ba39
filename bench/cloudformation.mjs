// npm run bench: scans a generated 5,000-resource template several times and prints the median.
// Targets (issue 2): parse + evaluate + JSON under 1.5 s and under 300 MB peak on 2 cores.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateTemplate } from './generate-template.mjs';

const RESOURCES = Number(process.env.BENCH_RESOURCES ?? 5000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const dir = mkdtempSync(join(tmpdir(), 'whoowns-bench-'));
const file = join(dir, 'large.yaml');
writeFileSync(file, generateTemplate(RESOURCES));
const runScript = new URL('./run-scan.mjs', import.meta.url).pathname;

const runs = [];
for (let i = 0; i < RUNS; i++) {
  const started = performance.now();
  const out = execFileSync(process.execPath, [runScript, file], { encoding: 'utf8' });
  runs.push({ ...JSON.parse(out), processMs: performance.now() - started });
}
const median = (key) => runs.map((r) => r[key]).sort((a, b) => a - b)[Math.floor(runs.length / 2)];
const first = runs[0];
const scanMs = median('parseMs') + median('evaluateMs') + median('jsonMs');
console.log(
  `template: ${(statSync(file).size / 1024 / 1024).toFixed(1)} MB, ${first.resources} resources, ${first.results} results, ${RUNS} runs (median)`,
);
console.log(`parse      ${median('parseMs').toFixed(0).padStart(6)} ms`);
console.log(`evaluate   ${median('evaluateMs').toFixed(0).padStart(6)} ms`);
console.log(`  checks     ${median('checksMs').toFixed(0).padStart(4)} ms  (${first.checks} checks)`);
console.log(
  `  ownership  ${median('ownershipMs').toFixed(0).padStart(4)} ms  (who owns what, per resource and area)`,
);
console.log(
  `json       ${median('jsonMs').toFixed(0).padStart(6)} ms  (${(first.jsonBytes / 1024 / 1024).toFixed(1)} MB)`,
);
console.log(
  `scan total ${scanMs.toFixed(0).padStart(6)} ms  (target < 1500)  ${Math.round((first.resources / scanMs) * 1000)} resources/s`,
);
console.log(
  `process    ${median('processMs').toFixed(0).padStart(6)} ms  (including Node start-up and module loading)`,
);
console.log(`peak RSS   ${median('maxRssMb').toFixed(0).padStart(6)} MB  (target < 300)`);
