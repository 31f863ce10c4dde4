export { liveRoutes } from "./events.routes";
export { LiveHub, type LiveSubscriber } from "./live-hub";
