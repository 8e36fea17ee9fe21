import { TRAFFIC_FORMAT, TRAFFIC_VERSION, type TrafficExchange, type TrafficRecord } from '../coverage/readers/traffic.js';
import { writeFileAtomic } from '../util/files.js';

/**
 * Keeps the recording on disk while the proxy runs (rewritten atomically about a second after a change), so
 * even a killed proxy leaves a complete, parseable file with all but the last moments of traffic; `close`
 * writes the final state.
 */
export class TrafficRecorder {
  private readonly record: TrafficRecord;
  private writing: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private dirty = true;
  /** How long the last snapshot took; big records are snapshotted less often so writing stays under ~10% of the time. */
  private lastWriteMs = 0;

  constructor(
    private readonly path: string | undefined,
    meta: { spec: string; target: string },
    private readonly flushDelayMs = 1000,
  ) {
    this.record = { format: TRAFFIC_FORMAT, version: TRAFFIC_VERSION, spec: meta.spec, target: meta.target, started_at: new Date().toISOString(), exchanges: [] };
  }

  get exchanges(): readonly TrafficExchange[] {
    return this.record.exchanges;
  }

  add(exchange: TrafficExchange): void {
    this.record.exchanges.push(exchange);
    this.dirty = true;
    if (this.path && !this.timer) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        // A failed snapshot is retried by the next one and by the final flush, which reports it.
        void this.flush().catch(() => undefined);
      }, Math.max(this.flushDelayMs, this.lastWriteMs * 10));
      this.timer.unref();
    }
  }

  /** Writes are chained so an older snapshot never lands after a newer one. */
  flush(final = false): Promise<void> {
    if (!this.path) return Promise.resolve();
    if (final) {
      if (this.timer) clearTimeout(this.timer);
      this.timer = undefined;
      this.record.finished_at = new Date().toISOString();
      this.dirty = true;
    }
    if (!this.dirty) return this.writing;
    this.dirty = false;
    const serialising = Date.now();
    const text = `${JSON.stringify(this.record, null, 2)}\n`;
    const serialiseMs = Date.now() - serialising;
    const path = this.path;
    this.writing = this.writing
      .catch(() => undefined)
      .then(async () => {
        const started = Date.now();
        await writeFileAtomic(path, text);
        this.lastWriteMs = serialiseMs + Date.now() - started;
      });
    return this.writing;
  }

  close(): Promise<void> {
    return this.flush(true);
  }
}
