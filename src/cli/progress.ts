import type { ProgressEvent } from '../sources/aws/collect-inventory.js';

export type Verbosity = 'quiet' | 'normal' | 'verbose';

/**
 * Progress on stderr, so stdout stays a clean report: a single updating line on a terminal,
 * plain lines elsewhere (CI logs), nothing with --quiet.
 */
export function createProgress(verbosity: Verbosity, stream: NodeJS.WriteStream = process.stderr) {
  const tty = stream.isTTY === true;
  let running = 0;
  let finished = 0;
  const clear = () => {
    if (tty) stream.write('\r\u001b[K');
  };
  const report = (event: ProgressEvent) => {
    if (verbosity === 'quiet') return;
    if (event.kind === 'identity') {
      clear();
      stream.write(
        `whoowns: scanning account ${event.identity.account} as ${event.identity.arn} in ${event.regions.length} region(s)\n`,
      );
      for (const s of event.skipped) stream.write(`whoowns: skipping ${s.region}: ${s.reason}\n`);
      return;
    }
    if (event.kind === 'start') running += 1;
    else {
      running -= 1;
      finished += 1;
    }
    const line =
      event.kind === 'done'
        ? `${event.collector} ${event.region}: ${event.requests ?? 0} requests, ${((event.ms ?? 0) / 1000).toFixed(1)} s`
        : `${event.collector} ${event.region}…`;
    if (tty) {
      clear();
      stream.write(`[${finished} done, ${running} running] ${line}`);
    } else if (verbosity === 'verbose' || event.kind === 'done') {
      stream.write(`whoowns: ${line}\n`);
    }
  };
  return { report, end: clear };
}
