import { Redis } from "ioredis";
import type { Logger } from "../logger";

/** How long start-up waits for Redis before it stops with one line. */
const CONNECT_TIMEOUT_MS = 10_000;
/** Reconnect attempts back off to at most this. */
const MAX_RECONNECT_DELAY_MS = 2_000;

/**
 * The instance's two Redis connections (scale-out mode): one for commands and publishing, one in
 * subscriber mode. Both reconnect by themselves (the subscriber subscribes again); `available` is
 * true only while both are ready, and listeners hear every change of it.
 */
export class RedisLink {
  readonly commands: Redis;
  readonly subscriber: Redis;
  private readonly listeners = new Set<(available: boolean) => void>();
  private availableNow = false;
  private closed = false;

  constructor(
    url: string,
    private readonly logger: Logger,
  ) {
    const retryStrategy = (attempt: number) => Math.min(attempt * 200, MAX_RECONNECT_DELAY_MS);
    // Commands fail at once while Redis is away (nothing queues up behind an outage).
    this.commands = new Redis(url, {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      // A Redis that stops answering without dropping the connection must not hold requests for long.
      commandTimeout: 2_000,
      retryStrategy,
    });
    this.subscriber = new Redis(url, { lazyConnect: true, retryStrategy, autoResubscribe: true });
    for (const client of [this.commands, this.subscriber]) {
      client.on("ready", () => this.update());
      client.on("close", () => this.update());
      client.on("end", () => this.update());
      // ioredis reports each failed reconnect; the availability change is what matters.
      client.on("error", (error: Error) =>
        this.logger.debug("redis connection error", { error: error.message }),
      );
    }
  }

  /** Connects both; throws one line when Redis cannot be reached in time. */
  async connect(): Promise<void> {
    const connected = Promise.all([this.commands.connect(), this.subscriber.connect()]);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(new Error(`Redis could not be reached within ${CONNECT_TIMEOUT_MS / 1000} s (REDIS_URL)`)),
        CONNECT_TIMEOUT_MS,
      );
    });
    try {
      await Promise.race([connected, timeout]);
    } catch (error) {
      this.close();
      throw error;
    } finally {
      clearTimeout(timer);
    }
    this.update();
  }

  get available(): boolean {
    return this.availableNow;
  }

  /** Called with the new availability whenever it changes; returns the function that stops it. */
  onAvailability(listener: (available: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** For /healthz: Redis answers a PING now. */
  async ping(): Promise<boolean> {
    if (!this.availableNow) return false;
    try {
      return (await this.commands.ping()) === "PONG";
    } catch {
      return false;
    }
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.listeners.clear();
    this.commands.disconnect();
    this.subscriber.disconnect();
  }

  private update(): void {
    if (this.closed) return;
    const available = this.commands.status === "ready" && this.subscriber.status === "ready";
    if (available === this.availableNow) return;
    this.availableNow = available;
    if (available) this.logger.info("redis connected: instances in contact");
    else this.logger.warn("redis lost: sockets are closed until it is back");
    for (const listener of Array.from(this.listeners)) listener(available);
  }
}
