import type { Config } from "../config";
import type { Db } from "../db/database";
import type { Logger } from "../logger";
import {
  defaultMailSettings,
  MailDispatcher,
  type MailSettings,
  type OutgoingMail,
  queueMail,
} from "./mail-outbox";
import { type Mailer, noMail } from "./mailer";
import { smtpMailer } from "./smtp-mailer";

/** Email as the rest of the app sees it: whether it is on, queueing (in a transaction), and a nudge. */
export interface MailService {
  readonly enabled: boolean;
  queue(db: Db, mail: OutgoingMail): Promise<string>;
  nudge(): void;
  close(): Promise<void>;
}

/** The SMTP relay and the outbox dispatcher when SMTP_URL is set; a mail service that is off otherwise. */
export function createMail(
  config: Pick<Config, "mail" | "publicUrl">,
  db: Db,
  logger: Logger,
  settings: Partial<MailSettings> = {},
): MailService {
  const mailer: Mailer = config.mail ? smtpMailer(config.mail.smtpUrl, config.mail.from) : noMail;
  const host = new URL(config.publicUrl).hostname;
  const dispatcher = new MailDispatcher(db, mailer, logger, host, { ...defaultMailSettings, ...settings });
  dispatcher.start();
  return {
    enabled: mailer.enabled,
    // With email off nothing is queued: there would be nobody to send it, ever.
    queue: (trx, mail) => (mailer.enabled ? queueMail(trx, mail) : Promise.resolve("")),
    nudge: () => dispatcher.nudge(),
    async close() {
      await dispatcher.stop();
      mailer.close();
    },
  };
}
