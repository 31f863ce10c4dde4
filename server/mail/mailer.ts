/** A mail as the outbox hands it to the relay: composed, with its stable Message-ID. */
export interface MailToSend {
  messageId: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  attachments: MailAttachment[];
}

/** A file sent with a mail (an .ics invitation); its content base64. */
export interface MailAttachment {
  filename: string;
  contentType: string;
  base64: string;
}

/**
 * Port: the mail relay. The SMTP adapter (smtp-mailer.ts) sends through SMTP_URL; without it,
 * `noMail` stands in and the app sends nothing (the outbox keeps nothing either).
 */
export interface Mailer {
  readonly enabled: boolean;
  /** Hands one mail to the relay; rejects when the relay refused it or could not be reached. */
  send(mail: MailToSend): Promise<void>;
  close(): void;
}

export const noMail: Mailer = {
  enabled: false,
  send: () => Promise.reject(new Error("email is off (no SMTP_URL)")),
  close: () => undefined,
};
