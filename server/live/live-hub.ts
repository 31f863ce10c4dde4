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

/**
 * Fan-out of workspace events to the members' open streams (in-process). Streams follow access:
 * a member who leaves or loses read access, or whose session ends, loses their stream.
 */
export class LiveHub {
  private readonly byWorkspace = new Map<string, Set<LiveSubscriber>>();
  private readonly offs: Array<() => void>;

  constructor(events: DomainEventBus) {
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

  /** Adds a stream; returns the function that removes it (without closing it). */
  subscribe(sub: LiveSubscriber): () => void {
    const set = this.byWorkspace.get(sub.workspaceId) ?? new Set();
    set.add(sub);
    this.byWorkspace.set(sub.workspaceId, set);
    return () => this.remove(sub);
  }

  /** Sends an event to every open stream of the workspace. */
  publish(workspaceId: string, event: LiveEvent): void {
    for (const sub of this.subscribers(workspaceId)) sub.send(event);
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
