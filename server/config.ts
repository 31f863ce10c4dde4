import { isIP } from "node:net";
import path from "node:path";
import { z } from "zod";

/** The only reader of the environment: parses it once and refuses to start on a bad value. */

const boolFlag = z
  .enum(["0", "1", "true", "false"], { message: "use 1/true or 0/false" })
  .transform((v) => v === "1" || v === "true");

/** One entry of TRUSTED_PROXIES: an IPv4/IPv6 address, or a CIDR range of either. */
function isAddressOrRange(entry: string): boolean {
  const [address, prefix, ...rest] = entry.split("/");
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

const trustedProxies = z.string().transform((value, ctx) => {
  const entries = value.split(",").map((entry) => entry.trim());
  const bad = entries.find((entry) => !isAddressOrRange(entry));
  if (bad !== undefined) {
    ctx.addIssue({
      code: "custom",
      message: `must be a comma-separated list of IP addresses or CIDR ranges such as 10.0.0.0/8 or fd00::/8 (bad entry "${bad}")`,
    });
    return z.NEVER;
  }
  return entries;
});

const envSchema = z
  .object({
    PORT: z.coerce
      .number({ message: "must be a whole number from 1 to 65535" })
      .int("must be a whole number from 1 to 65535")
      .min(1, "must be a whole number from 1 to 65535")
      .max(65535, "must be a whole number from 1 to 65535")
      .default(8080),
    HOST: z.string().min(1).default("0.0.0.0"),
    DATA_DIR: z.string().min(1).default("./data"),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL (leave it unset for the embedded SQLite file)")
      .optional(),
    PUBLIC_URL: z.url({ message: "must be an http(s) URL such as https://themawerk.example.org" }).optional(),
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
    ADMIN_EMAIL: z.email({ message: "must be an email address" }).optional(),
    ADMIN_PASSWORD: z.string().min(8, "must be 8 to 256 characters").max(256).optional(),
    DEMO: boolFlag.default(true),
    MEILI_URL: z.url({ message: "must be the http(s) URL of a Meilisearch server" }).optional(),
    MEILI_MASTER_KEY: z.string().min(16, "must be at least 16 characters").optional(),
    TRUSTED_PROXIES: trustedProxies.default([]),
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\//, "must be a redis:// or rediss:// URL (leave it unset for one instance)")
      .optional(),
    REDIS_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9:_.-]{1,64}$/, "must be 1 to 64 letters, digits or : _ . -")
      .default("themawerk:"),
    SMTP_URL: z
      .string()
      .regex(
        /^smtps?:\/\/[^/\s]+/,
        "must be an smtp:// or smtps:// URL such as smtp://user:pass@mail.example.org:587",
      )
      .optional(),
    MAIL_FROM: z
      .string()
      .regex(
        /^(?:[^<>\r\n]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/,
        "must be an address such as Themawerk <noreply@example.org>",
      )
      .optional(),
  })
  .refine((env) => !env.ADMIN_EMAIL === !env.ADMIN_PASSWORD, {
    message: "ADMIN_EMAIL and ADMIN_PASSWORD must be set together",
    path: ["ADMIN_PASSWORD"],
  })
  // Several instances share one database and one search engine: the embedded ones cannot be shared.
  .refine((env) => !env.REDIS_URL || env.DATABASE_URL, {
    message: "needs DATABASE_URL (PostgreSQL): several instances cannot share the embedded SQLite file",
    path: ["REDIS_URL"],
  })
  .refine((env) => !env.SMTP_URL === !env.MAIL_FROM, {
    message: "SMTP_URL and MAIL_FROM must be set together",
    path: ["MAIL_FROM"],
  })
  .refine((env) => !env.REDIS_URL || env.MEILI_URL, {
    message: "needs MEILI_URL (Meilisearch): several instances cannot share the embedded search engine",
    path: ["REDIS_URL"],
  });

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  publicUrl: string;
  secureCookies: boolean;
  logLevel: "debug" | "info" | "warn" | "error" | "silent";
  admin: { email: string; password: string } | undefined;
  demo: boolean;
  meili: { url: string; masterKey: string | undefined } | undefined;
  /** Proxies (addresses or CIDR ranges) whose X-Forwarded-For is believed; none by default. */
  trustedProxies: readonly string[];
  /** Scale-out mode (REDIS_URL): live fan-out and shared counters through Redis, keys under `prefix`. */
  redis: { url: string; prefix: string } | undefined;
  /** Email (SMTP_URL and MAIL_FROM): sent through this relay; without it the app sends none. */
  mail: { smtpUrl: string; from: string } | undefined;
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Parses an environment (process.env by default) into a Config, or throws one line naming the variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue.path[0] ?? "environment");
    const value = name in cleaned ? shownValue(name, cleaned[name] ?? "") : undefined;
    const shown = value === undefined ? "" : ` (got "${value}")`;
    throw new ConfigError(hideSecrets(`Invalid configuration: ${name} ${issue.message}${shown}`, cleaned));
  }
  const e = parsed.data;
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, "");
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    publicUrl,
    secureCookies: publicUrl.startsWith("https:"),
    logLevel: e.LOG_LEVEL,
    admin:
      e.ADMIN_EMAIL && e.ADMIN_PASSWORD ? { email: e.ADMIN_EMAIL, password: e.ADMIN_PASSWORD } : undefined,
    demo: e.DEMO,
    meili: e.MEILI_URL ? { url: e.MEILI_URL, masterKey: e.MEILI_MASTER_KEY } : undefined,
    trustedProxies: e.TRUSTED_PROXIES,
    redis: e.REDIS_URL ? { url: e.REDIS_URL, prefix: e.REDIS_PREFIX } : undefined,
    mail: e.SMTP_URL && e.MAIL_FROM ? { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM } : undefined,
  };
}

/** Variables whose values are never shown: ADMIN_PASSWORD, MEILI_MASTER_KEY and any like them. */
const isSecretName = (name: string) => /PASSWORD|KEY|SECRET|TOKEN/.test(name);

/**
 * The bad value as the error may echo it, or undefined when it must not be shown: never for a
 * secret; for a URL variable only when it parses as a URL, with its password masked (what does not
 * parse may be a key pasted into the wrong variable).
 */
function shownValue(name: string, value: string): string | undefined {
  if (isSecretName(name)) return undefined;
  if (!name.endsWith("_URL")) return value;
  try {
    const url = new URL(value);
    if (url.password) url.password = "***";
    return url.toString();
  } catch {
    return undefined;
  }
}

/**
 * Replaces every secret's value in an error message, wherever it ended up: a key pasted into
 * MEILI_URL, or a password into ADMIN_EMAIL, would otherwise be echoed as that variable's bad value.
 */
function hideSecrets(message: string, env: Record<string, string | undefined>): string {
  const secrets = Object.entries(env)
    .filter(([name, value]) => isSecretName(name) && value)
    .map(([, value]) => value as string)
    .sort((a, b) => b.length - a.length);
  return secrets.reduce((text, secret) => text.split(secret).join("***"), message);
}
