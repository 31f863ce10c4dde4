import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadConfig } from "../../server/config";
import { projectRoot } from "../helpers/spawn-server";

const read = (file: string) => fs.readFileSync(path.join(projectRoot, file), "utf8");

describe("deployment files", () => {
  const compose = parse(read("docker-compose.yml"));

  it("runs the app with its data on a volume", () => {
    const app = compose.services.app;
    expect(app.build).toBe(".");
    expect(app.environment.DATA_DIR).toBe("/data");
    expect(app.volumes).toContain("app-data:/data");
    expect(Object.keys(compose.volumes)).toContain("app-data");
  });

  it("runs the official Meilisearch image with its data on a volume, and points the app at it", () => {
    const meili = compose.services.meilisearch;
    expect(meili.image).toMatch(/^getmeili\/meilisearch:v1\./);
    expect(meili.volumes).toContain("meili-data:/meili_data");
    expect(compose.services.app.environment.MEILI_URL).toBe("http://meilisearch:7700");
    expect(compose.services.app.depends_on).toContain("meilisearch");
  });

  it("takes the master key from an env file shared by both, never from the compose file itself", () => {
    expect(compose.services.app.env_file).toBe(".env");
    expect(compose.services.meilisearch.env_file).toBe(".env");
    expect(read("docker-compose.yml")).not.toMatch(/MEILI_MASTER_KEY\s*:/);
    expect(read(".env.example")).toMatch(/^MEILI_MASTER_KEY=/m);
  });

  it("gives the app an environment its config accepts", () => {
    const env = Object.fromEntries(
      read(".env.example")
        .split("\n")
        .filter((l) => /^[A-Z_]+=/.test(l))
        .map((l) => l.split(/=(.*)/s).slice(0, 2)),
    );
    const config = loadConfig({ ...env, ...compose.services.app.environment });
    expect(config.port).toBe(8080);
    expect(config.meili?.url).toBe("http://meilisearch:7700");
  });

  it("shows a mail relay set-up in .env.example that the config accepts and that turns email on", () => {
    const example = read(".env.example");
    const commented = (name: string) => new RegExp(`^# ${name}=(.+)$`, "m").exec(example)?.[1];
    const smtpUrl = commented("SMTP_URL");
    const mailFrom = commented("MAIL_FROM");
    expect(smtpUrl).toMatch(/^smtps?:\/\//);
    const config = loadConfig({ SMTP_URL: smtpUrl, MAIL_FROM: mailFrom });
    expect(config.mail).toEqual({ smtpUrl, from: mailFrom });
    // Only one of the two is a mistake the start-up names.
    expect(() => loadConfig({ SMTP_URL: smtpUrl })).toThrow(/MAIL_FROM/);
    expect(read("docker-compose.yml")).toMatch(/SMTP_URL/);
  });

  it("has a Dockerfile that serves on 8080 with data in /data", () => {
    const dockerfile = read("Dockerfile");
    expect(dockerfile).toMatch(/EXPOSE 8080/);
    expect(dockerfile).toMatch(/DATA_DIR=\/data/);
    expect(dockerfile).toMatch(/npm ci/);
  });
});
