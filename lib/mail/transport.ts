import 'server-only';
import nodemailer, { type Transporter } from 'nodemailer';
import { env } from '@/lib/env';
import type { Attachment } from './messages';

/**
 * SMTP through nodemailer, from SMTP_URL (the launcher's local catcher when
 * none is configured). The Message-ID is ours, fixed per outbox row, so a
 * resend after a crash is recognisably the same message.
 */
let transporter: Transporter | undefined;

function transport(): Transporter {
  const url = env().SMTP_URL;
  if (!url) throw new Error('SMTP_URL is not set: no mail can be sent (npm start runs a local catcher).');
  transporter ??= nodemailer.createTransport(url, { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 });
  return transporter;
}

export interface OutgoingMail {
  to: string;
  subject: string;
  html: string;
  text: string;
  messageId: string;
  attachments: Attachment[];
  headers: Record<string, string>;
}

export async function sendMail(mail: OutgoingMail): Promise<void> {
  await transport().sendMail({
    from: env().MAIL_FROM,
    to: mail.to,
    subject: mail.subject,
    html: mail.html,
    text: mail.text,
    messageId: mail.messageId,
    headers: mail.headers,
    attachments: mail.attachments.map((a) => ({ filename: a.filename, content: a.content, contentType: a.contentType })),
  });
}
