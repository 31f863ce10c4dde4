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
