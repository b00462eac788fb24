/**
 * The local SMTP catcher: a real SMTP server (smtp-server) that accepts every
 * message, parses it (mailparser) and keeps it, in memory and, given a
 * folder, as one JSON file each; an HTTP API lists them. `npm start` runs it
 * when SMTP_URL is unset, and the tests send through it.
 *
 * HTTP: GET /messages (oldest first), DELETE /messages, GET /smtp,
 * POST /smtp {up: boolean, delay_ms?: number} (down: every connection is
 * refused with 421, as a server that is away; delay_ms: each message waits
 * that long before it is accepted).
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CaughtMessage {
  id: number;
  message_id: string | null;
  from: string;
  to: string[];
  subject: string;
  date: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  attachments: { filename: string; content_type: string; content: string }[];
  received_at: string;
}

export interface MailCatcher {
  smtpUrl: string;
  url: string;
  stop(): Promise<void>;
}

export async function startMailCatcher(options: { smtpPort?: number; httpPort?: number; dir?: string } = {}): Promise<MailCatcher> {
  const messages: CaughtMessage[] = [];
  if (options.dir) {
    mkdirSync(options.dir, { recursive: true });
    for (const file of readdirSync(options.dir).filter((f) => f.endsWith('.json')).sort()) {
      messages.push(JSON.parse(readFileSync(path.join(options.dir, file), 'utf8')) as CaughtMessage);
    }
  }
  const state = { up: true, delayMs: 0 };
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onConnect(_session, callback) {
      if (!state.up) return callback(Object.assign(new Error('Service not available, try again later'), { responseCode: 421 }));
      callback();
    },
    onAuth(_auth, _session, callback) {
      callback(null, { user: 'catcher' });
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        void (async () => {
          if (state.delayMs > 0) await new Promise((r) => setTimeout(r, state.delayMs));
          const parsed = await simpleParser(Buffer.concat(chunks));
          const headers: Record<string, string> = {};
          for (const line of parsed.headerLines) headers[line.key] = line.line.slice(line.line.indexOf(':') + 1).trim();
          const message: CaughtMessage = {
            id: (messages.at(-1)?.id ?? 0) + 1,
            message_id: parsed.messageId ?? null,
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: parsed.subject ?? '',
            date: (parsed.date ?? new Date()).toISOString(),
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : '',
            headers,
            attachments: parsed.attachments.map((a) => ({ filename: a.filename ?? 'attachment', content_type: a.contentType, content: a.content.toString('utf8') })),
            received_at: new Date().toISOString(),
          };
          messages.push(message);
          if (options.dir) writeFileSync(path.join(options.dir, `${String(message.id).padStart(8, '0')}.json`), JSON.stringify(message));
          callback();
        })().catch((err: unknown) => callback(err as Error));
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    smtp.once('error', reject);
    smtp.listen(options.smtpPort ?? 0, '127.0.0.1', () => resolve());
  });
  const smtpPort = (smtp.server.address() as AddressInfo).port;

  const api = http.createServer((req, res) => {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const url = new URL(req.url ?? '/', 'http://catcher');
    if (url.pathname === '/messages' && req.method === 'GET') return send(200, messages);
    if (url.pathname === '/messages' && req.method === 'DELETE') {
      messages.length = 0;
      return send(200, { deleted: true });
    }
    if (url.pathname === '/smtp' && req.method === 'GET') return send(200, { up: state.up, delay_ms: state.delayMs });
    if (url.pathname === '/smtp' && req.method === 'POST') {
      let raw = '';
      req.on('data', (c: Buffer) => (raw += c.toString()));
      req.on('end', () => {
        try {
          const body = JSON.parse(raw || '{}') as { up?: boolean; delay_ms?: number };
          if (typeof body.up === 'boolean') state.up = body.up;
          if (typeof body.delay_ms === 'number') state.delayMs = body.delay_ms;
          send(200, { up: state.up, delay_ms: state.delayMs });
        } catch {
          send(400, { error: 'invalid JSON' });
        }
      });
      return;
    }
    send(404, { error: 'not found' });
  });
  await new Promise<void>((resolve) => api.listen(options.httpPort ?? 0, '127.0.0.1', () => resolve()));
  const httpPort = (api.address() as AddressInfo).port;
  return {
    smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
    url: `http://127.0.0.1:${httpPort}`,
    stop: async () => {
      await new Promise<void>((r) => api.close(() => r()));
      await new Promise<void>((r) => smtp.close(() => r()));
    },
  };
}
