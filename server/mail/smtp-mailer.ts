import nodemailer from "nodemailer";
import type { Mailer, MailToSend } from "./mailer";

/** The SMTP relay named by SMTP_URL (nodemailer); one pooled connection at a time. */
export function smtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl, {
    // A relay that does not answer must not hold a send for minutes: the outbox retries later.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  } as never);
  return {
    enabled: true,
    async send(mail: MailToSend) {
      await transport.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers: mail.headers,
        messageId: mail.messageId,
        attachments: mail.attachments.map((a) => ({
          filename: a.filename,
          contentType: a.contentType,
          content: Buffer.from(a.base64, "base64"),
        })),
      });
    },
    close: () => transport.close(),
  };
}
