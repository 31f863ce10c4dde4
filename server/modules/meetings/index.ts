import type { ApiModule } from "../../app-deps";
import { meetingsRoutes } from "./meetings.routes";
import { type MeetingsDeps, MeetingsService } from "./meetings.service";

export { MeetingsService } from "./meetings.service";

/** Builds the meetings module: calendar files and mailed invitations for meeting documents. */
export function createMeetingsModule(deps: MeetingsDeps): { service: MeetingsService; routes: ApiModule } {
  const service = new MeetingsService(deps);
  return { service, routes: meetingsRoutes(service) };
}
