import { execFile } from "node:child_process";
import { once } from "node:events";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket, { WebSocketServer } from "ws";
import { parse } from "yaml";
import { loadConfig } from "../../server/config";
import {
  HAPROXY_PATH,
  type Haproxy,
  haproxyAvailable,
  haproxyMissingMessage,
  startHaproxy,
} from "../helpers/haproxy";
import { projectRoot } from "../helpers/spawn-server";

const read = (file: string) => fs.readFileSync(path.join(projectRoot, file), "utf8");
/** What compose makes of `${VAR:-default}` when VAR is not set. */
const withDefaults = (value: string) => value.replace(/\$\{[A-Z_]+:-([^}]*)\}/g, "$1");
const ipv4 = (address: string) => address.split(".").reduce((n, part) => n * 256 + Number(part), 0);
const inRange = (address: string, cidr: string) => {
  const [base, bits] = cidr.split("/");
  const size = 2 ** (32 - Number(bits));
  return Math.floor(ipv4(address) / size) === Math.floor(ipv4(base) / size);
};
const skipped = (title: string) =>
  haproxyAvailable ? title : `${title} — SKIPPED: ${haproxyMissingMessage}`;

describe("scale profile (docker-compose.yml, deploy/haproxy.cfg)", () => {
  const compose = parse(read("docker-compose.yml"));
  const { services } = compose;
  const replicas = ["app1", "app2"];

  it("puts app1, app2, haproxy, postgres and redis in the scale profile and leaves the default set-up alone", () => {
    for (const name of [...replicas, "haproxy", "postgres", "redis"]) {
      expect(services[name].profiles, name).toContain("scale");
    }
    expect(services.postgres.profiles).toContain("postgres");
    expect(services.redis.profiles).toContain("redis");
    expect(services.app.profiles).toBeUndefined();
    expect(services.meilisearch.profiles).toBeUndefined();
    expect(services.app.environment.REDIS_URL).toBeUndefined();
  });

  it("runs the replicas from the app's build on PostgreSQL, Redis and Meilisearch, reachable only through HAProxy", () => {
    for (const name of replicas) {
      const replica = services[name];
      expect(replica.build, name).toBe(services.app.build);
      expect(replica.env_file).toBe(".env");
      expect(replica.environment).toMatchObject({
        PORT: "8080",
        REDIS_URL: "redis://redis:6379",
        DATABASE_URL: expect.stringMatching(
          /^postgres:\/\/themawerk:\$\{POSTGRES_PASSWORD:-change-me\}@postgres:5432\/themawerk$/,
        ),
        MEILI_URL: "http://meilisearch:7700",
      });
      expect(Object.keys(replica.depends_on)).toEqual(
        expect.arrayContaining(["postgres", "redis", "meilisearch"]),
      );
      expect(replica.healthcheck.test.join(" ")).toContain("/healthz");
      expect(replica.ports).toBeUndefined();
    }
    expect(services.postgres.environment.POSTGRES_PASSWORD).toMatch(/^\$\{POSTGRES_PASSWORD:-change-me\}$/);
  });

  it("gives the replicas an environment their config accepts, believing X-Forwarded-For from HAProxy alone", () => {
    const env = Object.fromEntries(
      read(".env.example")
        .split("\n")
        .filter((l) => /^[A-Z_]+=/.test(l))
        .map((l) => l.split(/=(.*)/s).slice(0, 2)),
    );
    const haproxyAddress = services.haproxy.networks.scale.ipv4_address;
    expect(inRange(haproxyAddress, compose.networks.scale.ipam.config[0].subnet)).toBe(true);
    for (const name of replicas) {
      const environment = Object.fromEntries(
        Object.entries(services[name].environment as Record<string, string>).map(([k, v]) => [
          k,
          withDefaults(v),
        ]),
      );
      const config = loadConfig({ ...env, ...environment });
      expect(config.port).toBe(8080);
      expect(config.databaseUrl).toBe("postgres://themawerk:change-me@postgres:5432/themawerk");
      expect(config.meili?.url).toBe("http://meilisearch:7700");
      expect(config.trustedProxies).toEqual([haproxyAddress]);
      expect(services[name].networks).toEqual(expect.arrayContaining(["default", "scale"]));
    }
  });

  it("publishes HAProxy on PORT with deploy/haproxy.cfg, in front of both replicas", () => {
    const haproxy = services.haproxy;
    expect(haproxy.image).toBe("haproxy:2.8");
    expect(haproxy.ports).toEqual([expect.stringMatching(/^\$\{PORT:-8080\}:8080$/)]);
    expect(haproxy.volumes).toContain("./deploy/haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro");
    expect(haproxy.depends_on).toEqual(expect.arrayContaining(replicas));
  });

  it("balances round robin, not sticky, over app1 and app2, checking /healthz and keeping sockets open", () => {
    const cfg = read("deploy/haproxy.cfg");
    // The sections start at the line's beginning ("backend app"), their settings are indented.
    const backend = cfg.split(/^(?=\S)/m).find((section) => section.startsWith("backend app\n")) ?? "";
    expect(backend).toMatch(/^\s*balance roundrobin$/m);
    expect(backend).toMatch(/^\s*option httpchk GET \/healthz$/m);
    expect(backend).toMatch(/^\s*http-check expect status 200$/m);
    for (const name of replicas) {
      expect(backend).toMatch(
        new RegExp(`^\\s*server ${name} ${name}:8080 check inter 2s fall 2 rise 2$`, "m"),
      );
    }
    expect(cfg).not.toMatch(/^\s*(cookie|stick|hash-type|balance source)\b/m);
    expect(cfg).toMatch(/^\s*bind :8080$/m);
    expect(cfg).toMatch(/^\s*option forwardfor$/m);
    expect(cfg).toMatch(/^\s*timeout tunnel 1h$/m);
    expect(cfg).toMatch(/^\s*nameserver \w+ 127\.0\.0\.11:53$/m);
    expect(cfg).toMatch(/init-addr last,libc,none resolvers docker/);
  });

  it.skipIf(!haproxyAvailable)(skipped("is a valid HAProxy configuration (haproxy -c)"), async () => {
    // Exits non-zero (and rejects) on an invalid file; unresolvable app1/app2 are only warnings.
    const { stdout } = await promisify(execFile)(HAPROXY_PATH, ["-c", "-f", "deploy/haproxy.cfg"], {
      cwd: projectRoot,
    });
    expect(stdout).toMatch(/Configuration file is valid/);
  });
});

interface Backend {
  name: string;
  port: number;
  healthy: boolean;
  failedChecks: number;
  forwardedFor: string | undefined;
  server: http.Server;
}

describe.skipIf(!haproxyAvailable)(
  skipped("HAProxy in front of two instances (tests/helpers/haproxy.ts)"),
  () => {
    const backends: Backend[] = [];
    let sockets: WebSocketServer | undefined;
    let proxy: Haproxy;

    async function startBackend(name: string, withWebSocket: boolean): Promise<Backend> {
      const server = http.createServer((req, res) => {
        if (req.url === "/healthz") {
          if (!backend.healthy) backend.failedChecks++;
          res.writeHead(backend.healthy ? 200 : 503, { "content-type": "text/plain" }).end(name);
          return;
        }
        backend.forwardedFor = req.headers["x-forwarded-for"] as string | undefined;
        res.writeHead(200, { "content-type": "text/plain" }).end(name);
      });
      const backend: Backend = {
        name,
        port: 0,
        healthy: true,
        failedChecks: 0,
        forwardedFor: undefined,
        server,
      };
      if (withWebSocket) {
        sockets = new WebSocketServer({ server, maxPayload: 1024 });
        sockets.on("connection", (ws) => {
          ws.on("error", () => {});
          ws.on("message", (data) => ws.send(`${name}: ${data}`));
        });
      }
      server.listen(0, "127.0.0.1");
      await once(server, "listening");
      backend.port = (server.address() as AddressInfo).port;
      return backend;
    }

    /** Who answers each of `n` requests in a row through HAProxy. */
    async function answers(n: number): Promise<string[]> {
      const names: string[] = [];
      for (let i = 0; i < n; i++) {
        const res = await fetch(`${proxy.url}/`);
        names.push(res.ok ? await res.text() : `HTTP ${res.status}`);
      }
      return names;
    }
    const bothServe = () =>
      expect.poll(async () => [...new Set(await answers(4))].sort(), { timeout: 5_000 }).toEqual(["a", "b"]);

    beforeAll(async () => {
      backends.push(await startBackend("a", true), await startBackend("b", false));
      proxy = await startHaproxy({ backends: backends.map((b) => ({ host: "127.0.0.1", port: b.port })) });
    });

    afterAll(async () => {
      await proxy?.stop();
      for (const ws of sockets?.clients ?? []) ws.terminate();
      sockets?.close();
      for (const { server } of backends) {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
      }
    });

    it("spreads requests over both backends in turn and says who the client is", async () => {
      const names = await answers(6);
      expect(names.filter((n) => n === "a")).toHaveLength(3);
      for (let i = 1; i < names.length; i++) expect(names[i]).not.toBe(names[i - 1]);
      expect(backends.map((b) => b.forwardedFor)).toEqual(["127.0.0.1", "127.0.0.1"]);
    });

    it("passes a WebSocket through and keeps it open", async () => {
      // Only `a` takes sockets: take `b` out of rotation for this test.
      await proxy.setBackendDown(1, true);
      try {
        expect(await answers(3)).toEqual(["a", "a", "a"]);
        const ws = new WebSocket(`ws://127.0.0.1:${proxy.port}/collab/doc-1`);
        await once(ws, "open");
        const replies: string[] = [];
        for (const text of ["one", "two", "three"]) {
          ws.send(text);
          const [data] = await once(ws, "message");
          replies.push(String(data));
        }
        expect(replies).toEqual(["a: one", "a: two", "a: three"]);
        ws.close();
        await once(ws, "close");
      } finally {
        await proxy.setBackendDown(1, false);
      }
      await bothServe();
    });

    it("sends everything to the other backend once one fails its health check, and back when it recovers", async () => {
      backends[0].healthy = false;
      try {
        await expect.poll(() => answers(4), { timeout: 5_000 }).toEqual(["b", "b", "b", "b"]);
      } finally {
        backends[0].healthy = true;
      }
      await bothServe();
    });

    it("keeps serving from both when neither passes the health check (Redis or Meilisearch down everywhere)", async () => {
      for (const b of backends) {
        b.failedChecks = 0;
        b.healthy = false;
      }
      try {
        // fall 2, and checks run one after the other: by a third failed check both are marked down.
        await expect
          .poll(() => Math.min(...backends.map((b) => b.failedChecks)), { timeout: 5_000 })
          .toBeGreaterThanOrEqual(3);
        expect([...new Set(await answers(4))].sort()).toEqual(["a", "b"]);
      } finally {
        for (const b of backends) b.healthy = true;
      }
      await bothServe();
    });
  },
);
