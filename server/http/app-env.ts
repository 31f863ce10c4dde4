/** What middleware puts on the Hono context, typed once for every route. */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  locale: string;
  isAdmin: boolean;
}

export interface AppEnv {
  Variables: {
    requestId: string;
    user: SessionUser | undefined;
    sessionId: string | undefined;
  };
}
