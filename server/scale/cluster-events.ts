import type { LiveEvent } from "../../shared/schemas/live";
import type { DomainEventBus, DomainEvents } from "../events";
import type { LiveHub } from "../live/live-hub";
import type { Logger } from "../logger";
import type { RedisLink } from "./redis-link";

type ClusterMessage =
  | { from: string; kind: "domain"; name: keyof DomainEvents; args: unknown[] }
  | { from: string; kind: "live"; workspaceId: string; event: LiveEvent };

/**
 * Domain events (role changes, removals, logouts, password changes, trashing …) and workspace stream
 * events cross instances over one Redis channel (scale-out mode): each instance forwards what it
 * emits, and emits here what the others sent, so access events close sockets and streams on every
 * instance and a comment posted through one reaches the streams of all.
 */
export function shareEventsThroughRedis(options: {
  link: RedisLink;
  prefix: string;
  instanceId: string;
  events: DomainEventBus;
  live: LiveHub;
  logger: Logger;
}): () => void {
  const { link, prefix, instanceId, events, live, logger } = options;
  const channel = `${prefix}events`;
  const send = (message: ClusterMessage) =>
    link.commands
      .publish(channel, JSON.stringify(message))
      .catch((error: Error) =>
        logger.warn("redis could not share an event", { channel, error: error.message }),
      );
  events.forwardTo((name, args) => void send({ from: instanceId, kind: "domain", name, args }));
  live.forwardTo((workspaceId, event) => void send({ from: instanceId, kind: "live", workspaceId, event }));
  const onMessage = (from: string, text: string) => {
    if (from !== channel) return;
    try {
      const message = JSON.parse(text) as ClusterMessage;
      if (message.from === instanceId) return;
      if (message.kind === "live") live.publishHere(message.workspaceId, message.event);
      else events.emitHere(message.name, ...(message.args as DomainEvents[typeof message.name]));
    } catch (error) {
      logger.warn("redis dropped an event it could not read", { error: String(error) });
    }
  };
  link.subscriber.on("message", onMessage);
  void link.subscriber
    .subscribe(channel)
    .catch((error: Error) => logger.warn("redis could not subscribe to events", { error: error.message }));
  return () => {
    link.subscriber.off("message", onMessage);
  };
}
