import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "@hono/node-server";
import type { Hono } from "hono";
import { createApp } from "./app";
import type { ApiModule, AppDeps } from "./app-deps";
import { AccessControl } from "./auth/access";
import { clientIpResolver } from "./auth/client-ip";
import { createCounterStore } from "./auth/create-counter-store";
import type { LoginThrottle } from "./auth/login-throttle";
import { SessionStore } from "./auth/sessions";
import { runBootstrap } from "./bootstrap/bootstrap";
import { type CollabServer, type CollabSettings, createCollabServer } from "./collab";
import type { Config } from "./config";
import { type DatabaseHandle, openDatabase } from "./db/database";
import { lexicalContentRepair } from "./documents/lexical-content-repair";
import { DocumentSettledPipeline } from "./documents/settled-text";
import { warnOfUnknownNodes } from "./documents/text-extraction";
import { WorkerTextExtractor } from "./documents/worker-text-extractor";
import { DomainEventBus } from "./events";
import type { AppEnv } from "./http/app-env";
import { extractLessons } from "./lessons/extract-lessons";
import { LiveHub, liveRoutes } from "./live";
import type { Logger } from "./logger";
import { createMail } from "./mail/create-mail";
import type { MailSettings } from "./mail/mail-outbox";
import { createAccountModules } from "./modules/auth";
import { passwordResetRoutes } from "./modules/auth/password-reset.routes";
import { PasswordResetService } from "./modules/auth/password-reset.service";
import { createCommentsModule } from "./modules/comments";
import { createDocumentsModule } from "./modules/documents";
import { createHandbookModules } from "./modules/handbook";
import { ImportsService, importsRoutes } from "./modules/imports";
import { lessonsRoutes } from "./modules/lessons/lessons.routes";
import { LessonsService } from "./modules/lessons/lessons.service";
import { createMeetingsModule } from "./modules/meetings";
import {
  CommentMailSweeper,
  defaultNoticeSettings,
  type NoticeSettings,
} from "./modules/notifications/comment-mail-sweeper";
import { recordCommentNotices } from "./modules/notifications/comment-notices";
import {
  type DigestSettings,
  DigestSweeper,
  defaultDigestSettings,
} from "./modules/notifications/digest-sweeper";
import { followsRoutes } from "./modules/notifications/follows.routes";
import { mailPreferencesRoutes } from "./modules/notifications/mail-preferences.routes";
import { searchRoutes } from "./modules/search/search.routes";
import { SearchService } from "./modules/search/search.service";
import { synonymsRoutes } from "./modules/synonyms/synonyms.routes";
import { SynonymsService } from "./modules/synonyms/synonyms.service";
import { themesRoutes } from "./modules/themes/themes.routes";
import { ThemesService } from "./modules/themes/themes.service";
import {
  defaultVersionSettings,
  type VersionSettings,
  VersionSweeper,
} from "./modules/versions/version-sweeper";
import { versionsRoutes } from "./modules/versions/versions.routes";
import { VersionsService } from "./modules/versions/versions.service";
import { WorkspaceChangesService } from "./modules/versions/workspace-changes";
import { workspaceChangesRoutes } from "./modules/versions/workspace-changes.routes";
import { exclusively, LOCK_KEYS, oneAtATime } from "./scale/advisory-lock";
import { shareEventsThroughRedis } from "./scale/cluster-events";
import { RedisLink } from "./scale/redis-link";
import { RedisRoomRelay } from "./scale/redis-room-relay";
import { createSearchIndex } from "./search/create-search-index";
import { SearchIndexer } from "./search/search-indexer";
import { sqlSearchEntrySource } from "./search/sql-entry-source";

export const defaultClientDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../dist/client");

export interface Themawerk {
  app: Hono<AppEnv>;
  deps: AppDeps;
  database: DatabaseHandle;
  /** The collaboration server (WS /collab/:documentId): hooks onDocumentSettled, readDocument, applyServerUpdate. */
  collab: CollabServer;
  /** Workspace event streams (GET /api/workspaces/:id/events): `live.publish(workspaceId, event)`. */
  live: LiveHub;
  /** Listens on config.port (0 picks a free port) and resolves with the bound port. */
  listen(): Promise<{ port: number; url: string }>;
  /** Closes connections, sockets and the database. Safe to call twice. */
  close(): Promise<void>;
}

export interface ComposeOptions {
  clientDir?: string;
  /** Where the one-time demo passwords are printed at first start (default: stdout). */
  announce?: (text: string) => void;
  /** Collaboration limits other than the defaults (tests and benchmarks that need room to push). */
  collabSettings?: Partial<CollabSettings>;
  /** The login throttle shared by login and password change (tests pass one on a hand-moved clock). */
  loginThrottle?: LoginThrottle;
  /** Automatic versions' timing other than the defaults (tests). */
  versionSettings?: Partial<VersionSettings>;
  /** The outbox's timing other than the defaults (tests: short retries). */
  mailSettings?: Partial<MailSettings>;
  /** Comment mail's grouping and polling other than the defaults (tests: seconds, not minutes). */
  noticeSettings?: Partial<NoticeSettings>;
  /** The digest's polling and the length of its day other than the defaults (tests: seconds). */
  digestSettings?: Partial<DigestSettings>;
}

/** The composition root: the only place adapters are constructed and wired together. */
export async function composeThemawerk(
  config: Config,
  logger: Logger,
  options: ComposeOptions = {},
): Promise<Themawerk> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const announce = options.announce ?? ((text: string) => void process.stdout.write(`${text}\n`));
    // Replicas starting at once on one PostgreSQL database bootstrap one after another, so only
    // the first sees an empty database and seeds it.
    const serially =
      database.dialect === "postgres"
        ? oneAtATime(database.db, LOCK_KEYS.bootstrap)
        : <T>(work: () => Promise<T>) => work();
    await serially(() => runBootstrap({ db: database.db, config, logger, announce }));
  } catch (error) {
    await database.close();
    throw error;
  }
  const closers: Array<() => Promise<void> | void> = [];
  const apiModules: ApiModule[] = [];
  const sessions = new SessionStore(database.db);
  const access = new AccessControl(database.db);
  const events = new DomainEventBus();
  // Scale-out mode: the instances hear each other's edits, presence and events through Redis.
  const scale = config.redis ? await connectScaleOut(config.redis, logger, database) : undefined;
  const collab = createCollabServer({
    db: database.db,
    appendWrite: database.withoutFlushWait,
    publicUrl: config.publicUrl,
    sessions,
    access,
    events,
    logger,
    settings: options.collabSettings,
    // Every room keeps its document readable by the editor: nodes it cannot read become placeholders.
    contentRepair: lexicalContentRepair,
    dialect: database.dialect,
    relay: scale?.relay,
  });
  closers.push(() => collab.close());
  // Headless Lexical extraction on a worker thread, so long documents never stall the sockets.
  const textExtractor = new WorkerTextExtractor({ logger, resourceLimits: { maxOldGenerationSizeMb: 512 } });
  closers.push(() => textExtractor.close());

  const deps: AppDeps = {
    config,
    database,
    logger,
    clientDir: options.clientDir ?? defaultClientDir,
    // Down while select 1 fails, and while document writes fail even though reads still answer.
    health: [{ name: "database", check: async () => (await database.ping()) && !collab.storeHealth.failing }],
    sessions,
    access,
    events,
    apiModules,
  };
  if (scale) deps.health.push({ name: "redis", check: () => scale.link.ping() });
  // Modules register here, in the order their routes should match.
  // (auth, account, workspaces, members, invites, documents …)
  // Login and invitation throttles count in Redis in scale-out mode, so every instance sees all attempts.
  const counters = createCounterStore(scale?.link.commands, scale?.prefix);
  apiModules.push(...createAccountModules(deps, options.loginThrottle, counters));
  // Email (SMTP_URL): an outbox sent by every instance alike, retried until the relay takes it.
  const mail = createMail(config, database.db, logger, options.mailSettings);
  closers.push(() => mail.close());
  const resets = new PasswordResetService({
    db: database.db,
    sessions,
    events,
    mail,
    publicUrl: config.publicUrl,
    counters,
    logger,
  });
  apiModules.push(passwordResetRoutes(resets, mail.enabled, clientIpResolver(config.trustedProxies)));
  const documents = createDocumentsModule({ db: database.db, access, events });
  apiModules.push(documents.routes);
  // Imports read files on a worker of their own, so a large Word file never holds up settle work.
  const importWorker = new WorkerTextExtractor({
    logger,
    timeoutMs: 60_000,
    resourceLimits: { maxOldGenerationSizeMb: 768 },
  });
  closers.push(() => importWorker.close());
  apiModules.push(
    importsRoutes(
      new ImportsService(database.db, access, documents.service, importWorker, collab, events, logger),
    ),
  );
  // The one hook on settled documents: text for listings now; lessons and search add consumers here.
  const documentSettled = new DocumentSettledPipeline(logger, textExtractor).use("plain text", (settled) =>
    documents.service.saveExtractedText(
      settled.documentId,
      settled.extracted.plainText,
      settled.lastEditorUserId,
    ),
  );
  const themes = new ThemesService(database.db, access, events);
  const lessons = new LessonsService(database.db, access, events);
  apiModules.push(
    themesRoutes(themes),
    lessonsRoutes(lessons),
    synonymsRoutes(new SynonymsService(database.db, access, events)),
  );
  documentSettled.use("lessons", async (settled) => {
    await lessons.syncFromDocument(
      settled.documentId,
      extractLessons(settled.extracted.lexicalJson),
      settled.lastEditorUserId,
    );
  });
  // Search: Meilisearch or the embedded engine (rebuilt from SQL now), kept in step by the indexer.
  const search = await createSearchIndex(config, logger, { source: sqlSearchEntrySource(database.db) });
  closers.push(() => search.close());
  deps.health.push({ name: "search", check: () => search.health() });
  const indexer = new SearchIndexer(database.db, search, logger);
  closers.push(indexer.listen(events), () => indexer.close());
  // What an earlier run left in the outbox goes out now; a Meilisearch index created empty gets everything.
  await indexer.start();
  documentSettled.use("search", (settled) => indexer.refreshNow([settled.documentId]));
  apiModules.push(searchRoutes(new SearchService(database.db, access, search)));
  const versions = new VersionsService(database.db, access, collab, textExtractor);
  apiModules.push(versionsRoutes(database.db, versions));
  apiModules.push(
    workspaceChangesRoutes(new WorkspaceChangesService(database.db, access, collab, textExtractor)),
  );
  const versionSweeper = new VersionSweeper(
    database.db,
    versions,
    logger,
    { ...defaultVersionSettings, ...options.versionSettings },
    // Several instances: one sweeps at a time, so no session gets two automatic versions.
    scale ? exclusively(database.db, LOCK_KEYS.versionSweep) : undefined,
  );
  versionSweeper.start();
  closers.push(() => versionSweeper.stop());
  closers.push(collab.onDocumentSettled(documentSettled.handle));
  // Comparisons, recommendation evidence, the handbook and the minimal version read chapter text live.
  apiModules.push(
    ...createHandbookModules({
      db: database.db,
      access,
      events,
      readDocumentJson: async (id) => {
        const extracted = await textExtractor.extract(await collab.readDocumentState(id));
        warnOfUnknownNodes(logger, id, extracted);
        return extracted.lexicalJson;
      },
      logger,
    }),
  );
  const live = new LiveHub(events);
  closers.push(() => live.close());
  if (scale) {
    closers.push(
      shareEventsThroughRedis({
        ...scale,
        instanceId: scale.relay.instanceId,
        events,
        live,
        logger,
      }),
    );
  }
  // Mentions and replies are mailed, grouped per person, once email is on.
  const commentMail = new CommentMailSweeper(database.db, mail, config.publicUrl, logger, {
    ...defaultNoticeSettings,
    ...options.noticeSettings,
  });
  commentMail.start();
  closers.push(() => commentMail.stop());
  apiModules.push(mailPreferencesRoutes(database.db, mail.enabled, config.publicUrl));
  // The digest of what people follow, daily or weekly, once email is on.
  const digests = new DigestSweeper(database.db, mail, config.publicUrl, logger, {
    ...defaultDigestSettings,
    ...options.digestSettings,
  });
  digests.start();
  closers.push(() => digests.stop());
  apiModules.push(followsRoutes(database.db, access));
  // Meetings in calendars: the .ics download, and the facilitator's invitation mailed to every member.
  apiModules.push(
    createMeetingsModule({ db: database.db, access, mail, publicUrl: config.publicUrl, counters }).routes,
  );
  const comments = createCommentsModule({
    db: database.db,
    access,
    readDocument: (id) => collab.readDocument(id),
    live,
    onMessage: mail.enabled ? recordCommentNotices : undefined,
  });
  apiModules.push(comments.routes, liveRoutes(live, access));

  const app = createApp(deps);

  /** Called with the HTTP server once it listens (the collaboration server attaches its upgrade listener). */
  const onListen: Array<(server: Server) => void> = [];
  onListen.push((server) => collab.attach(server));

  let server: Server | undefined;
  let closed = false;
  return {
    app,
    deps,
    database,
    collab,
    live,
    async listen() {
      server = await new Promise<Server>((resolve) => {
        const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () =>
          resolve(s as Server),
        );
      });
      for (const attach of onListen) attach(server);
      const port = (server.address() as AddressInfo).port;
      return { port, url: config.publicUrl.replace(/:\d+$/, "").concat(`:${port}`) };
    },
    async close() {
      if (closed) return;
      closed = true;
      // Collaboration first: it flushes edits and runs pending settled listeners while their modules still work.
      await collab.close();
      for (const close of closers.reverse()) await close();
      if (server) {
        const s = server;
        await new Promise<void>((resolve) => {
          s.close(() => resolve());
          s.closeAllConnections();
        });
      }
      scale?.close();
      await database.close();
    },
  };
}

/** Connects to Redis for scale-out mode; start-up stops with one line when it cannot. */
async function connectScaleOut(
  redis: { url: string; prefix: string },
  logger: Logger,
  database: DatabaseHandle,
): Promise<{ link: RedisLink; relay: RedisRoomRelay; prefix: string; close(): void }> {
  const link = new RedisLink(redis.url, logger);
  try {
    await link.connect();
  } catch (error) {
    await database.close();
    throw error;
  }
  const relay = new RedisRoomRelay(link, redis.prefix, logger);
  logger.info("scale-out mode: instances share edits, presence and events through Redis", {
    instanceId: relay.instanceId,
    prefix: redis.prefix,
  });
  return {
    link,
    relay,
    prefix: redis.prefix,
    close() {
      relay.close();
      link.close();
    },
  };
}
