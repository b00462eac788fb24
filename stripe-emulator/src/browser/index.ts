import { readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { Module } from '../emulator';
import { installThreeDsPage } from './three-ds';

/** The stand-in Stripe.js, in load order; each part adds to the shared `ns` object. */
const PARTS = ['core.js', 'card-form.js', 'elements.js', 'dialog.js', 'stripe.js'];

function readPart(name: string): string {
  return readFileSync(fileURLToPath(new URL(`./client/${name}`, import.meta.url)), 'utf8');
}

/** One plain script for the browser: no bundler, no modules, one IIFE. */
export function buildStripeJs(parts: string[], fallbackOrigin: string): string {
  const body = parts.map((source, i) => `// ---- ${PARTS[i]}\n${source}`).join('\n');
  return `/* Stripe.js stand-in served by the offline Stripe emulator. Not Stripe's code. */
(function (ns) {
'use strict';
${body}
})({ fallbackOrigin: ${JSON.stringify(fallbackOrigin)} });
`;
}

function sendScript(res: ServerResponse, source: string): void {
  res.writeHead(200, {
    'Content-Type': 'application/javascript; charset=utf-8',
    'Content-Length': Buffer.byteLength(source),
    'Cache-Control': 'no-cache',
  });
  res.end(source);
}

/**
 * Stripe.js for the browser, pointed at this emulator: `<script src="${emulator}/js/stripe.js">`
 * before `loadStripe` (which then reuses `window.Stripe`). Also served at Stripe's own paths.
 */
export const browserModule: Module = (emu) => {
  // Read at start-up: a missing file fails here rather than in a browser.
  const parts = PARTS.map(readPart);
  let script: { origin: string; source: string } | undefined;
  const serve = (_req: unknown, res: ServerResponse) => {
    if (script?.origin !== emu.url) script = { origin: emu.url, source: buildStripeJs(parts, emu.url) };
    sendScript(res, script.source);
  };
  for (const path of ['/js/stripe.js', '/v3', '/v3/', '/:train/stripe.js']) emu.router.raw('GET', path, serve);
  installThreeDsPage(emu);
};
