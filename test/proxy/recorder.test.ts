import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TrafficExchange } from '../../src/coverage/readers/traffic.js';
import { TrafficRecorder } from '../../src/proxy/recorder.js';

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'apigate-recorder-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

const exchange = (seq: number): TrafficExchange => ({
  seq,
  started_at: '2026-11-28T10:00:00.000Z',
  method: 'GET',
  url: `/items/${seq}`,
  operation: 'GET /items/{id}',
  status: 200,
  scenario: 'valid',
  duration_ms: 1,
  violations: [],
});

describe('TrafficRecorder', () => {
  it('keeps a complete JSON file on disk while running and marks it finished on close', async () => {
    const path = join(folder, 'nested', 'traffic.json');
    const recorder = new TrafficRecorder(path, { spec: 'api.yaml', target: 'http://127.0.0.1:3000' }, 60_000);
    await recorder.flush();
    expect(JSON.parse(await readFile(path, 'utf8'))).toMatchObject({ format: 'apigate-traffic', version: 1, exchanges: [] });
    recorder.add(exchange(1));
    recorder.add(exchange(2));
    await recorder.flush();
    const running = JSON.parse(await readFile(path, 'utf8')) as { exchanges: TrafficExchange[]; finished_at?: string };
    expect(running.exchanges.map((item) => item.seq)).toEqual([1, 2]);
    expect(running.finished_at).toBeUndefined();
    recorder.add(exchange(3));
    await recorder.close();
    const closed = JSON.parse(await readFile(path, 'utf8')) as { exchanges: TrafficExchange[]; finished_at?: string };
    expect(closed.exchanges.map((item) => item.seq)).toEqual([1, 2, 3]);
    expect(closed.finished_at).toEqual(expect.any(String));
  });

  it('reports a record it cannot write', async () => {
    const recorder = new TrafficRecorder(join(folder, 'nested', 'traffic.json', 'impossible.json'), { spec: 'a', target: 'b' });
    await expect(recorder.flush()).rejects.toThrow(/cannot write/);
  });
});
