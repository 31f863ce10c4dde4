import { AppError } from "../../errors";

/** One answer for an unknown email and a wrong password, so neither is revealed. */
export const invalidCredentials = () =>
  new AppError(401, "invalid_credentials", "The email address or password is not correct.");

export const rateLimited = (retryAfterSeconds: number) =>
  new AppError(429, "rate_limited", `Too many attempts. Try again in ${retryAfterSeconds} seconds.`, {
    retryAfterSeconds,
  });
