import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config";

describe("loadConfig", () => {
  it("runs on the embedded defaults with an empty environment", () => {
    const config = loadConfig({});
    expect(config.port).toBe(8080);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataDir).toMatch(/data$/);
    expect(config.publicUrl).toBe("http://localhost:8080");
    expect(config.secureCookies).toBe(false);
    expect(config.demo).toBe(true);
    expect(config.meili).toBeUndefined();
  });

  it("names the variable and what is allowed for a bad PORT", () => {
    expect(() => loadConfig({ PORT: "abc" })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: "abc" })).toThrow(/PORT .*1 to 65535.*"abc"/);
    expect(() => loadConfig({ PORT: "70000" })).toThrow(/PORT/);
  });

  it("accepts only postgres URLs as DATABASE_URL", () => {
    expect(() => loadConfig({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL .*postgres/);
    expect(loadConfig({ DATABASE_URL: "postgres://u@h/db" }).databaseUrl).toBe("postgres://u@h/db");
  });

  it("turns scale-out on with REDIS_URL only beside PostgreSQL and Meilisearch, in one line naming what is missing", () => {
    expect(loadConfig({}).redis).toBeUndefined();
    const shared = { DATABASE_URL: "postgres://u@h/db", MEILI_URL: "http://meili:7700" };
    expect(loadConfig({ ...shared, REDIS_URL: "redis://r:6379" }).redis).toEqual({
      url: "redis://r:6379",
      prefix: "themawerk:",
    });
    expect(
      loadConfig({ ...shared, REDIS_URL: "redis://r:6379", REDIS_PREFIX: "groep-a:" }).redis?.prefix,
    ).toBe("groep-a:");
    expect(() => loadConfig({ MEILI_URL: "http://meili:7700", REDIS_URL: "redis://r:6379" })).toThrow(
      /^Invalid configuration: REDIS_URL needs DATABASE_URL \(PostgreSQL\)/,
    );
    expect(() => loadConfig({ DATABASE_URL: "postgres://u@h/db", REDIS_URL: "redis://r:6379" })).toThrow(
      /REDIS_URL needs MEILI_URL/,
    );
    expect(() => loadConfig({ ...shared, REDIS_URL: "http://r:6379" })).toThrow(
      /REDIS_URL must be a redis:\/\//,
    );
    // A password in the URL is never echoed.
    try {
      loadConfig({ REDIS_URL: "redis://:geheim-wachtwoord@r:6379" });
      expect.unreachable();
    } catch (error) {
      expect(String(error)).not.toMatch(/geheim/);
      expect(String(error).split("\n")).toHaveLength(1);
    }
  });

  it("derives secure cookies from an https PUBLIC_URL and strips its trailing slash", () => {
    const config = loadConfig({ PUBLIC_URL: "https://themawerk.example.org/" });
    expect(config.publicUrl).toBe("https://themawerk.example.org");
    expect(config.secureCookies).toBe(true);
  });

  it("requires ADMIN_EMAIL and ADMIN_PASSWORD together and never echoes the password", () => {
    expect(() => loadConfig({ ADMIN_EMAIL: "a@b.be" })).toThrow(/ADMIN_EMAIL and ADMIN_PASSWORD/);
    try {
      loadConfig({ ADMIN_EMAIL: "a@b.be", ADMIN_PASSWORD: "short" });
      expect.unreachable();
    } catch (error) {
      expect(String(error)).toMatch(/ADMIN_PASSWORD/);
      expect(String(error)).not.toMatch(/short/);
    }
  });

  it("reads DEMO=0 as off and rejects other words", () => {
    expect(loadConfig({ DEMO: "0" }).demo).toBe(false);
    expect(() => loadConfig({ DEMO: "nee" })).toThrow(/DEMO/);
  });

  it("treats empty variables as unset", () => {
    expect(loadConfig({ PORT: "", DATABASE_URL: "" }).port).toBe(8080);
  });
});

describe("secrets in configuration errors", () => {
  const KEY = "meili-master-key-0123456789abcdef";

  it("never shows MEILI_MASTER_KEY's value, even when a bad value elsewhere contains it", () => {
    const cases: Array<Record<string, string>> = [
      // Too short: the error names the variable, not its value.
      { MEILI_URL: "http://127.0.0.1:7700", MEILI_MASTER_KEY: "short-key" },
      // A bad MEILI_URL next to a good key.
      { MEILI_URL: "not a url", MEILI_MASTER_KEY: KEY },
      // The two values swapped: the key lands in MEILI_URL, whose bad value is otherwise echoed.
      { MEILI_URL: KEY, MEILI_MASTER_KEY: "http://127.0.0.1:7700" },
      // The key pasted into a URL.
      { MEILI_URL: `meili ${KEY}`, MEILI_MASTER_KEY: KEY },
    ];
    for (const env of cases) {
      let error: unknown;
      try {
        loadConfig(env);
      } catch (e) {
        error = e;
      }
      expect(error, JSON.stringify(Object.keys(env))).toBeInstanceOf(ConfigError);
      const shown = `${String(error)}\n${(error as Error).stack}`;
      expect(shown).toMatch(/MEILI_(URL|MASTER_KEY)/);
      for (const secret of [KEY, "short-key"]) expect(shown).not.toContain(secret);
    }
  });

  it("never shows a password, wherever it appears", () => {
    try {
      loadConfig({ ADMIN_EMAIL: "secret admin password", ADMIN_PASSWORD: "secret admin password" });
      expect.unreachable();
    } catch (error) {
      expect(String(error)).toMatch(/ADMIN_EMAIL/);
      expect(String(error)).not.toContain("secret admin password");
    }
  });

  it("hides the password of a bad DATABASE_URL but still shows the rest", () => {
    try {
      loadConfig({ DATABASE_URL: "mysql://themawerk:db-secret-pw@db.internal/themawerk" });
      expect.unreachable();
    } catch (error) {
      expect(String(error)).toMatch(/DATABASE_URL .*postgres/);
      expect(String(error)).toContain("db.internal");
      expect(String(error)).not.toContain("db-secret-pw");
    }
  });
});

describe("TRUSTED_PROXIES", () => {
  it("trusts no proxy by default", () => {
    expect(loadConfig({}).trustedProxies).toEqual([]);
  });

  it("reads a comma-separated list of IPv4/IPv6 addresses and CIDR ranges", () => {
    expect(loadConfig({ TRUSTED_PROXIES: " 10.0.0.1, 192.168.0.0/16 ,::1,fd00::/8" }).trustedProxies).toEqual(
      ["10.0.0.1", "192.168.0.0/16", "::1", "fd00::/8"],
    );
  });

  it("refuses anything else with one line naming the variable and the bad entry", () => {
    for (const bad of [
      "proxy.internal",
      "10.0.0.0/33",
      "10.0.0.1/x",
      "::1/129",
      "10.0.0.1,,10.0.0.2",
      "1.2.3",
    ]) {
      expect(() => loadConfig({ TRUSTED_PROXIES: bad }), bad).toThrow(ConfigError);
      expect(() => loadConfig({ TRUSTED_PROXIES: bad }), bad).toThrow(
        /^Invalid configuration: TRUSTED_PROXIES .*CIDR/,
      );
    }
    expect(() => loadConfig({ TRUSTED_PROXIES: "10.0.0.1, proxy.internal" })).toThrow(/"proxy\.internal"/);
  });
});
