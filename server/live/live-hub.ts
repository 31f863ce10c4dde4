import { LIMITS } from "../../shared/limits";
import type { LiveEvent } from "../../shared/schemas/live";
import { can } from "../auth/policy";
import type { DomainEventBus } from "../events";

/** One open workspace stream: who holds it, how to send to it, how to end it. */
export interface LiveSubscriber {
  workspaceId: string;
  userId: string;
  sessionId: string | undefined;
  send(event: LiveEvent): void;
  close(): void;
}

/** One of a session's stream slots, held from before the stream opens until it ends. */
export interface LiveStreamSlot {
  /** Gives the slot back; calling it again does nothing. */
  release(): void;
}

/**
 * Fan-out of workspace events to the members' open streams (in-process). Streams follow access:
 * a member who leaves or loses read access, or whose session ends, loses their stream. Each session
 * holds at most `maxStreamsPerSession` streams, so one browser cannot pin down unbounded connections.
 */
export class LiveHub {
  private readonly byWorkspace = new Map<string, Set<LiveSubscriber>>();
  private readonly slotsBySession = new Map<string, number>();
  private readonly offs: Array<() => void>;
  /** Where events also go (the other instances, in scale-out mode). */
  private forward: ((workspaceId: string, event: LiveEvent) => void) | undefined;

  constructor(
    events: DomainEventBus,
    private readonly maxStreamsPerSession: number = LIMITS.liveStreamsPerSession,
  ) {
    this.offs = [
      events.on("membershipChanged", ({ workspaceId, userId, role }) => {
        if (role && can(role, "comment.read")) return;
        for (const sub of this.subscribers(workspaceId)) if (sub.userId === userId) this.end(sub);
      }),
      events.on("sessionsEnded", ({ userId, sessionId, exceptSessionId }) => {
        for (const subs of this.byWorkspace.values()) {
          for (const sub of Array.from(subs)) {
            if (sub.userId !== userId) continue;
            if (sessionId && sub.sessionId !== sessionId) continue;
            if (exceptSessionId && sub.sessionId === exceptSessionId) continue;
            this.end(sub);
          }
        }
      }),
    ];
  }

  /** Takes one of the session's stream slots, or returns null when it holds them all. */
  reserve(sessionKey: string): LiveStreamSlot | null {
    const held = this.slotsBySession.get(sessionKey) ?? 0;
    if (held >= this.maxStreamsPerSession) return null;
    this.slotsBySession.set(sessionKey, held + 1);
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        const left = (this.slotsBySession.get(sessionKey) ?? 1) - 1;
        if (left <= 0) this.slotsBySession.delete(sessionKey);
        else this.slotsBySession.set(sessionKey, left);
      },
    };
  }

  /** Adds a stream; returns the function that removes it (without closing it). */
  subscribe(sub: LiveSubscriber): () => void {
    const set = this.byWorkspace.get(sub.workspaceId) ?? new Set();
    set.add(sub);
    this.byWorkspace.set(sub.workspaceId, set);
    return () => this.remove(sub);
  }

  /** Sends an event to every open stream of the workspace, on every instance. */
  publish(workspaceId: string, event: LiveEvent): void {
    this.publishHere(workspaceId, event);
    this.forward?.(workspaceId, event);
  }

  /** Sends an event to this instance's streams only (an event another instance published). */
  publishHere(workspaceId: string, event: LiveEvent): void {
    for (const sub of this.subscribers(workspaceId)) sub.send(event);
  }

  /** Sends every event published here on to `forward` as well (scale-out mode). */
  forwardTo(forward: (workspaceId: string, event: LiveEvent) => void): void {
    this.forward = forward;
  }

  /** Open streams of a workspace (for tests and diagnostics). */
  count(workspaceId: string): number {
    return this.byWorkspace.get(workspaceId)?.size ?? 0;
  }

  /** Ends every stream and stops following access events. */
  close(): void {
    for (const off of this.offs) off();
    for (const subs of Array.from(this.byWorkspace.values()))
      for (const sub of Array.from(subs)) this.end(sub);
  }

  private subscribers(workspaceId: string): LiveSubscriber[] {
    return Array.from(this.byWorkspace.get(workspaceId) ?? []);
  }

  private end(sub: LiveSubscriber): void {
    this.remove(sub);
    sub.close();
  }

  private remove(sub: LiveSubscriber): void {
    const set = this.byWorkspace.get(sub.workspaceId);
    set?.delete(sub);
    if (set && set.size === 0) this.byWorkspace.delete(sub.workspaceId);
  }
}
