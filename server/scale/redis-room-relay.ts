import { randomUUID } from "node:crypto";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import type { RelayInbound, RelayLink, RoomRelay } from "../collab/room-relay";
import type { Logger } from "../logger";
import type { RedisLink } from "./redis-link";

export interface RelaySettings {
  /** How often this instance says it is alive, with the last update it sent per document. */
  heartbeatMs: number;
  /** An instance not heard for this long is gone: its sockets' presence is removed. */
  peerTimeoutMs: number;
}

export const defaultRelaySettings: RelaySettings = { heartbeatMs: 1_000, peerTimeoutMs: 5_000 };

/** How long after its last update a document stays in this instance's heartbeat once its room closed. */
const RECENT_MS = 60_000;

const UPDATE = 1;
const AWARENESS = 2;

interface Heartbeat {
  instanceId: string;
  /** The sequence number of the last update this instance sent, per document it has open. */
  sent: Record<string, number>;
}

/**
 * Stored updates and presence between instances over Redis pub/sub (scale-out mode). Redis may drop
 * messages (a slow subscriber, a reconnect), so nothing relies on delivery: each instance numbers
 * the updates it sends per document and says in its heartbeat how far it got; a receiver that sees a
 * gap, hears of a number it never got, hears a sender for the first time, or resubscribes, catches up
 * from the shared update log (by state vector, so no order between instances is assumed).
 */
export class RedisRoomRelay implements RoomRelay {
  readonly shared = true;
  readonly instanceId = randomUUID();
  private readonly rooms = new Map<string, Set<RelayInbound>>();
  /** The last sequence number this instance sent, and when, per document (never reset: receivers count on it). */
  private readonly sentSeq = new Map<string, { seq: number; at: number }>();
  /** The last sequence number heard from each sender, per document. */
  private readonly heardSeq = new Map<string, Map<string, number>>();
  /** When each other instance was last heard. */
  private readonly peers = new Map<string, number>();
  private readonly timer: NodeJS.Timeout;
  private readonly offs: Array<() => void> = [];
  private readonly settings: RelaySettings;

  constructor(
    private readonly link: RedisLink,
    private readonly prefix: string,
    private readonly logger: Logger,
    settings: Partial<RelaySettings> = {},
  ) {
    this.settings = { ...defaultRelaySettings, ...settings };
    link.subscriber.on("messageBuffer", this.onMessage);
    void link.subscriber
      .subscribe(this.aliveChannel)
      .catch((error: Error) =>
        logger.warn("redis could not subscribe to heartbeats", { error: error.message }),
      );
    this.offs.push(
      link.onAvailability((available) => {
        if (!available) return;
        // Back in contact: whatever was sent meanwhile is in the log.
        this.heardSeq.clear();
        for (const inbounds of this.rooms.values()) for (const inbound of inbounds) inbound.catchUp();
      }),
    );
    this.timer = setInterval(() => this.beat(), this.settings.heartbeatMs);
    this.timer.unref();
  }

  get available(): boolean {
    return this.link.available;
  }

  onAvailability(listener: (available: boolean) => void): () => void {
    return this.link.onAvailability(listener);
  }

  async open(documentId: string, inbound: RelayInbound): Promise<RelayLink> {
    let inbounds = this.rooms.get(documentId);
    if (!inbounds) {
      inbounds = new Set();
      this.rooms.set(documentId, inbounds);
    }
    inbounds.add(inbound);
    if (inbounds.size === 1) await this.link.subscriber.subscribe(this.documentChannel(documentId));
    let closed = false;
    return {
      publishUpdate: (update) => {
        const seq = (this.sentSeq.get(documentId)?.seq ?? 0) + 1;
        this.sentSeq.set(documentId, { seq, at: Date.now() });
        this.publish(this.documentChannel(documentId), UPDATE, seq, update);
      },
      publishAwareness: (update) => this.publish(this.documentChannel(documentId), AWARENESS, 0, update),
      close: () => {
        if (closed) return;
        closed = true;
        const open = this.rooms.get(documentId);
        open?.delete(inbound);
        if (open && open.size === 0) {
          this.rooms.delete(documentId);
          this.heardSeq.delete(documentId);
          void this.link.subscriber.unsubscribe(this.documentChannel(documentId)).catch(() => undefined);
        }
      },
    };
  }

  /** Stops the heartbeat and listening (the link itself is closed by its owner). */
  close(): void {
    clearInterval(this.timer);
    for (const off of this.offs) off();
    this.link.subscriber.off("messageBuffer", this.onMessage);
  }

  private get aliveChannel(): string {
    return `${this.prefix}alive`;
  }

  private documentChannel(documentId: string): string {
    return `${this.prefix}doc:${documentId}`;
  }

  private publish(channel: string, type: number, seq: number, payload: Uint8Array): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarString(encoder, this.instanceId);
    encoding.writeVarUint(encoder, type);
    encoding.writeVarUint(encoder, seq);
    encoding.writeVarUint8Array(encoder, payload);
    // A publish that fails is caught up by the others from the log (the heartbeat tells them how far).
    this.link.commands
      .publish(channel, Buffer.from(encoding.toUint8Array(encoder)))
      .catch((error: Error) => this.logger.debug("redis publish failed", { channel, error: error.message }));
  }

  private readonly onMessage = (channelBytes: Buffer, message: Buffer): void => {
    const channel = channelBytes.toString();
    try {
      if (channel === this.aliveChannel) this.onHeartbeat(JSON.parse(message.toString()) as Heartbeat);
      else if (channel.startsWith(`${this.prefix}doc:`))
        this.onDocumentMessage(channel.slice(this.prefix.length + 4), message);
    } catch (error) {
      this.logger.warn("redis relay dropped a message it could not read", { channel, error: String(error) });
    }
  };

  private onDocumentMessage(documentId: string, message: Buffer): void {
    const decoder = decoding.createDecoder(
      new Uint8Array(message.buffer, message.byteOffset, message.byteLength),
    );
    const sender = decoding.readVarString(decoder);
    if (sender === this.instanceId) return;
    const type = decoding.readVarUint(decoder);
    const seq = decoding.readVarUint(decoder);
    const payload = decoding.readVarUint8Array(decoder);
    const inbounds = this.rooms.get(documentId);
    if (!inbounds) return;
    this.peers.set(sender, Date.now());
    if (type === AWARENESS) {
      for (const inbound of inbounds) inbound.awareness(payload, sender);
      return;
    }
    if (type !== UPDATE) return;
    const heard = this.heard(documentId);
    const last = heard.get(sender);
    heard.set(sender, Math.max(last ?? 0, seq));
    for (const inbound of inbounds) {
      inbound.update(payload);
      // The first from a sender since this room listened, or a gap: the log has what came before.
      if (last === undefined || seq !== last + 1) inbound.catchUp();
    }
  }

  private onHeartbeat(beat: Heartbeat): void {
    if (beat.instanceId === this.instanceId) return;
    this.peers.set(beat.instanceId, Date.now());
    for (const [documentId, seq] of Object.entries(beat.sent)) {
      const inbounds = this.rooms.get(documentId);
      if (!inbounds) continue;
      const heard = this.heard(documentId);
      if ((heard.get(beat.instanceId) ?? 0) >= seq) continue;
      // An update this instance never heard of (a dropped message): it is in the log.
      heard.set(beat.instanceId, seq);
      for (const inbound of inbounds) inbound.catchUp();
    }
  }

  private heard(documentId: string): Map<string, number> {
    let heard = this.heardSeq.get(documentId);
    if (!heard) {
      heard = new Map();
      this.heardSeq.set(documentId, heard);
    }
    return heard;
  }

  private beat(): void {
    if (!this.link.available) return;
    const now = Date.now();
    // Documents open here, and those this instance wrote to lately (others may still have them open).
    const sent: Record<string, number> = {};
    for (const [documentId, { seq, at }] of this.sentSeq) {
      if (this.rooms.has(documentId) || now - at < RECENT_MS) sent[documentId] = seq;
    }
    const beat: Heartbeat = { instanceId: this.instanceId, sent };
    this.link.commands
      .publish(this.aliveChannel, JSON.stringify(beat))
      .catch((error: Error) => this.logger.debug("redis heartbeat failed", { error: error.message }));
    for (const [peer, seenAt] of this.peers) {
      if (now - seenAt < this.settings.peerTimeoutMs) continue;
      this.peers.delete(peer);
      this.logger.info("instance stopped answering; its presence is removed", { instanceId: peer });
      for (const [documentId, inbounds] of this.rooms) {
        this.heardSeq.get(documentId)?.delete(peer);
        for (const inbound of inbounds) inbound.instanceGone(peer);
      }
    }
  }
}
