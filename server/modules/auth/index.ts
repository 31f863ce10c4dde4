import type { ApiModule, AppDeps } from "../../app-deps";
import { clientIpResolver } from "../../auth/client-ip";
import { LoginThrottle } from "../../auth/login-throttle";
import { accountRoutes } from "../account/account.routes";
import { AccountService } from "../account/account.service";
import { invitesRoutes } from "../invites/invites.routes";
import { InvitesService } from "../invites/invites.service";
import { membersRoutes } from "../members/members.routes";
import { MembersService } from "../members/members.service";
import { workspacesRoutes } from "../workspaces/workspaces.routes";
import { WorkspacesService } from "../workspaces/workspaces.service";
import { AuthService } from "./auth.service";
import { authRoutes } from "./auth.routes";

/**
 * Wires the accounts side — auth, account, workspaces, members, invites — and returns their
 * routes in matching order. One login throttle is shared by login and password change.
 */
export function createAccountModules(
  deps: Pick<AppDeps, "config" | "database" | "sessions" | "access" | "events">,
  throttle = new LoginThrottle(),
): ApiModule[] {
  const { config, sessions, access, events } = deps;
  const db = deps.database.db;
  const cookie = { secure: config.secureCookies };
  // X-Forwarded-For is believed only from the proxies named in TRUSTED_PROXIES.
  const clientIp = clientIpResolver(config.trustedProxies);
  return [
    authRoutes(new AuthService({ db, sessions, throttle, events }), db, cookie, clientIp),
    accountRoutes(new AccountService({ db, sessions, throttle, events }), db, clientIp),
    workspacesRoutes(new WorkspacesService(db, access)),
    membersRoutes(new MembersService(db, access, events)),
    invitesRoutes(
      new InvitesService({ db, access, sessions, events, publicUrl: config.publicUrl }),
      db,
      cookie,
      clientIp,
    ),
  ];
}
