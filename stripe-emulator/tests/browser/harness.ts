import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** Bundles checkout-app.tsx (React + the real @stripe/* packages) for the browser, in memory. */
export async function bundleCheckoutApp(): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('./checkout-app.tsx', import.meta.url))],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error('esbuild produced no output');
  return file.text;
}

function html(emulatorUrl: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Checkout</title>
<script src="${emulatorUrl}/js/stripe.js"></script>
</head><body><div id="root"></div><script src="/app.js"></script></body></html>`;
}

export interface AppServer {
  url: string;
  close(): Promise<void>;
}

/** Serves the page (which loads the emulator's stripe.js, then the bundle) on 127.0.0.1. */
export async function serveCheckoutApp(emulatorUrl: string, bundle: string): Promise<AppServer> {
  const server: Server = createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://app');
    if (pathname === '/app.js') {
      res.writeHead(200, { 'Content-Type': 'application/javascript; charset=utf-8' });
      res.end(bundle);
    } else if (pathname === '/') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(html(emulatorUrl));
    } else if (pathname === '/done') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><title>Done</title><h1>Returned from payment</h1>');
    } else if (pathname === '/favicon.ico') {
      res.writeHead(204).end();
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
