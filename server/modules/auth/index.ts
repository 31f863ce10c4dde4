import type { ApiModule, AppDeps } from "../../app-deps";
import { clientIpResolver } from "../../auth/client-ip";
import type { CounterStore } from "../../auth/counter-store";
import { LoginThrottle } from "../../auth/login-throttle";
import { MemoryCounterStore } from "../../auth/memory-counter-store";
import { accountRoutes } from "../account/account.routes";
import { AccountService } from "../account/account.service";
import { invitesRoutes } from "../invites/invites.routes";
import { InvitesService } from "../invites/invites.service";
import { membersRoutes } from "../members/members.routes";
import { MembersService } from "../members/members.service";
import { workspacesRoutes } from "../workspaces/workspaces.routes";
import { WorkspacesService } from "../workspaces/workspaces.service";
import { authRoutes } from "./auth.routes";
import { AuthService } from "./auth.service";

/**
 * Wires the accounts side — auth, account, workspaces, members, invites — and returns their
 * routes in matching order. One login throttle is shared by login and password change. `counters`
 * holds the login throttle's and the invitation throttle's counts: this process's memory by default,
 * the Redis store of createCounterStore in scale-out mode. A `loginThrottle` passed in (tests: one
 * on a hand-moved clock) keeps its own store.
 */
export function createAccountModules(
  deps: Pick<AppDeps, "config" | "database" | "sessions" | "access" | "events">,
  loginThrottle?: LoginThrottle,
  counters: CounterStore = new MemoryCounterStore(),
): ApiModule[] {
  const throttle = loginThrottle ?? new LoginThrottle({ store: counters });
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
      new InvitesService({ db, access, sessions, events, publicUrl: config.publicUrl, counters }),
      db,
      cookie,
      clientIp,
    ),
  ];
}
