import type { MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { AppEnv } from "../http/app-env";
import { SESSION_COOKIE, type SessionStore } from "./sessions";

export interface SessionCookieOptions {
  secure: boolean;
}

export function setSessionCookie(
  c: Parameters<MiddlewareHandler<AppEnv>>[0],
  token: string,
  expiresAt: Date,
  options: SessionCookieOptions,
): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "Lax",
    secure: options.secure,
    path: "/",
    expires: expiresAt,
  });
}

export function clearSessionCookie(c: Parameters<MiddlewareHandler<AppEnv>>[0], options: SessionCookieOptions): void {
  deleteCookie(c, SESSION_COOKIE, { path: "/", secure: options.secure, httpOnly: true, sameSite: "Lax" });
}

/** Reads the session cookie, sets c.var.user when it is valid, and re-sends it when its expiry slid. */
export function sessionMiddleware(store: SessionStore, options: SessionCookieOptions): MiddlewareHandler<AppEnv> {
  return async function session(c, next) {
    const token = getCookie(c, SESSION_COOKIE);
    c.set("user", undefined);
    c.set("sessionId", undefined);
    if (token) {
      const session = await store.validate(token);
      if (session) {
        c.set("user", session.user);
        c.set("sessionId", session.sessionId);
        if (session.renewed) setSessionCookie(c, token, session.expiresAt, options);
      } else {
        clearSessionCookie(c, options);
      }
    }
    await next();
  };
}
