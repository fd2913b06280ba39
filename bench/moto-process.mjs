// Starts moto on a free loopback port for benchmarks (tests use test/live/moto.ts).
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export async function startMotoForBench() {
  const port = await new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const p = s.address().port;
      s.close(() => resolve(p));
    });
  });
  const amis = join(tmpdir(), `whoowns-bench-amis-${port}.json`);
  writeFileSync(
    amis,
    JSON.stringify([
      {
        ami_id: 'ami-12c6146b',
        name: 'bench',
        description: 'bench',
        owner_id: '123456789012',
        public: false,
        virtualization_type: 'hvm',
        architecture: 'x86_64',
        state: 'available',
        platform: null,
        image_type: 'machine',
        hypervisor: 'xen',
        root_device_name: '/dev/sda1',
        root_device_type: 'ebs',
        sriov: 'simple',
      },
    ]),
  );
  const child = spawn('python3', ['-m', 'moto.server', '-H', '127.0.0.1', '-p', String(port)], {
    env: { ...process.env, MOTO_AMIS_PATH: amis },
    stdio: 'ignore',
  });
  const endpoint = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${endpoint}/moto-api/`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    endpoint,
    stop: () =>
      new Promise((r) => {
        child.once('exit', r);
        child.kill('SIGTERM');
      }),
  };
}
