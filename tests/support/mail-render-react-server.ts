/**
 * Renders every template with the sample data and prints subject and text as
 * JSON. The mail tests run it with `node --conditions=react-server --import
 * tsx`, as the job worker runs, and compare it with what vitest renders.
 */
import { renderMessage } from '@/lib/mail/render';
import type { Template } from '@/lib/mail/messages';
import { sampleCtx, samples } from './mail-samples';

const out: Record<string, { subject: string; text: string; html: boolean }> = {};
for (const template of Object.keys(samples) as Template[]) {
  const message = await renderMessage(template, samples[template], sampleCtx);
  out[template] = { subject: message.subject, text: message.text, html: message.html.startsWith('<!DOCTYPE html') };
}
process.stdout.write(JSON.stringify(out));
