import { type Redis, ReplyError } from "ioredis";
import { AppError } from "../errors";
import type { AttemptWindow, CounterStore, LoginDecision, LoginRules } from "./counter-store";

/**
 * Redis keeps a record this much longer than its `until`, so an instance whose clock runs a little
 * behind Redis's still finds it; the scripts judge liveness by `until`, never by the TTL.
 */
export const TTL_GRACE_MS = 60_000;

// Each record is a hash with `until` (when it is forgotten, on the callers' clock) and the fields of
// memory-counter-store.ts; every write sets all of them and a TTL. The callers' clock, not Redis's
// TIME: both adapters then judge by one clock a test can move by hand, and instances kept in step by
// NTP differ by milliseconds where the limits speak in seconds. Numbers go out through %.0f, since
// Lua would print a large one as 1.7e+12, which PEXPIRE refuses.
const RECORDS = `
local now = tonumber(ARGV[1])
local grace = tonumber(ARGV[2])
local function int(x) return string.format("%.0f", x) end
local function live(key)
  local f = redis.call("HMGET", key, "count", "startedAt", "lastAt", "nextAt", "until")
  local untilAt = tonumber(f[5])
  if untilAt == nil or now >= untilAt then return nil end
  return { count = tonumber(f[1]) or 0, startedAt = tonumber(f[2]) or now, lastAt = tonumber(f[3]) or now,
    nextAt = tonumber(f[4]) or now }
end
local function put(key, r, untilAt)
  redis.call("HSET", key, "count", int(r.count), "startedAt", int(r.startedAt), "lastAt", int(r.lastAt),
    "nextAt", int(r.nextAt), "until", int(untilAt))
  redis.call("PEXPIRE", key, int(math.max(1, untilAt - now + grace)))
end
local function takeBack(key)
  local count = tonumber(redis.call("HGET", key, "count"))
  if count and count > 0 then redis.call("HINCRBY", key, "count", -1) end
end
`;

/** KEYS: account, address. ARGV: now, grace, then the LoginRules. Returns {allowed, ms, slowed, retryAfterMs}. */
const BEGIN_LOGIN = `${RECORDS}
local freeFailures, maxDelay, forgetAfter = tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5])
local perWindow, window, slowdown, maxQueue = tonumber(ARGV[6]), tonumber(ARGV[7]), tonumber(ARGV[8]),
  tonumber(ARGV[9])
local account = live(KEYS[1])
if account and account.count >= freeFailures then
  local wait = account.lastAt + math.min(2 ^ (account.count - freeFailures + 1) * 1000, maxDelay) - now
  if wait > 0 then return { 0, wait, 0, wait } end
end
local address = live(KEYS[2]) or { count = 0, startedAt = now, lastAt = now, nextAt = now }
local slowed = address.count >= perWindow
local waitMs = 0
if slowed then
  local turn = math.max(now, address.nextAt)
  if turn - now > maxQueue then return { 0, turn - now, 0, turn - now } end
  waitMs = turn - now
  address.nextAt = turn + slowdown
end
address.count = address.count + 1
put(KEYS[2], address, math.max(address.startedAt + window, address.nextAt))
local failures = 1
local firstAt = now
if account then failures, firstAt = account.count + 1, account.startedAt end
put(KEYS[1], { count = failures, startedAt = firstAt, lastAt = now, nextAt = now }, now + forgetAfter)
if slowed then return { 1, waitMs, 1, address.nextAt - now } end
return { 1, 0, 0, 0 }
`;

/** KEYS: account, address. */
const END_LOGIN_WITH_SUCCESS = `${RECORDS}
redis.call("DEL", KEYS[1])
takeBack(KEYS[2])
return 0
`;

/** KEYS: the windows. ARGV: now, grace, then limit and length per window. Returns the wait in ms, 0 when counted. */
const COUNT_ATTEMPT = `${RECORDS}
local windows = {}
local wait = 0
for i, key in ipairs(KEYS) do
  local limit, length = tonumber(ARGV[1 + 2 * i]), tonumber(ARGV[2 + 2 * i])
  local r = live(key)
  if r and r.count >= limit then wait = math.max(wait, r.startedAt + length - now) end
  windows[i] = { r = r or { count = 0, startedAt = now }, length = length }
end
if wait > 0 then return wait end
for i, key in ipairs(KEYS) do
  local w = windows[i]
  put(key, { count = w.r.count + 1, startedAt = w.r.startedAt, lastAt = now, nextAt = now },
    w.r.startedAt + w.length)
end
return 0
`;

/** KEYS: the window. */
const GIVE_BACK = `${RECORDS}
takeBack(KEYS[1])
return 0
`;

type Script = (...keysAndArgs: Array<string | number>) => Promise<unknown>;

const countersDown = () =>
  new AppError(
    503,
    "service_unavailable",
    "This cannot be checked now: the attempt counters the instances share (Redis) do not answer. Try again shortly.",
  );

/**
 * The counters in Redis, shared by every instance: each method is one Lua script, so a decision and
 * its count are one atomic step across instances. Keys are `prefix` + the limiter's key (after the
 * client's own keyPrefix, if it has one); every write sets a TTL, so Redis memory stays bounded.
 * Without Redis an attempt fails with 503 before anything is checked (never unlimited); an error
 * Redis itself answers (a script's) stays what it is. Does not own the client: whoever created it quits it.
 */
export class RedisCounterStore implements CounterStore {
  private readonly beginLoginScript: Script;
  private readonly endLoginScript: Script;
  private readonly countAttemptScript: Script;
  private readonly giveBackScript: Script;

  constructor(
    redis: Redis,
    private readonly prefix: string,
  ) {
    const define = (name: string, lua: string, numberOfKeys?: number): Script => {
      // Namespaced, since the client is shared; defining the same script again is harmless.
      const command = `themawerkCounters${name}`;
      redis.defineCommand(command, { lua, numberOfKeys });
      const script = (redis as unknown as Record<string, Script>)[command].bind(redis);
      return async (...keysAndArgs) => {
        try {
          return await script(...keysAndArgs);
        } catch (error) {
          // Not connected, the connection dropped, retries used up: Redis is away, not wrong.
          throw error instanceof ReplyError ? error : countersDown();
        }
      };
    };
    this.beginLoginScript = define("BeginLogin", BEGIN_LOGIN, 2);
    this.endLoginScript = define("EndLogin", END_LOGIN_WITH_SUCCESS, 2);
    this.countAttemptScript = define("CountAttempt", COUNT_ATTEMPT);
    this.giveBackScript = define("GiveBack", GIVE_BACK, 1);
  }

  async beginLogin(
    accountKey: string,
    addressKey: string,
    rules: LoginRules,
    now: number,
  ): Promise<LoginDecision> {
    const reply = (await this.beginLoginScript(
      this.prefix + accountKey,
      this.prefix + addressKey,
      now,
      TTL_GRACE_MS,
      rules.freeAccountFailures,
      rules.maxDelayMs,
      rules.forgetAfterMs,
      rules.ipFailuresPerWindow,
      rules.ipWindowMs,
      rules.ipSlowdownMs,
      rules.ipMaxQueueMs,
    )) as [number, number, number, number];
    const [allowed, waitMs, slowed, retryAfterMs] = reply;
    return allowed === 1
      ? { allowed: true, waitMs, slowed: slowed === 1, retryAfterMs }
      : { allowed: false, retryAfterMs };
  }

  async endLoginWithSuccess(accountKey: string, addressKey: string): Promise<void> {
    await this.endLoginScript(this.prefix + accountKey, this.prefix + addressKey, 0, TTL_GRACE_MS);
  }

  async countAttempt(windows: readonly AttemptWindow[], now: number): Promise<number> {
    if (windows.length === 0) return 0;
    const keys = windows.map((w) => this.prefix + w.key);
    const limits = windows.flatMap((w) => [w.limit, w.windowMs]);
    return Number(await this.countAttemptScript(windows.length, ...keys, now, TTL_GRACE_MS, ...limits));
  }

  async giveBack(key: string): Promise<void> {
    await this.giveBackScript(this.prefix + key, 0, TTL_GRACE_MS);
  }
}
