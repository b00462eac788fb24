import { createRequire } from 'node:module';
import { render, toPlainText } from '@react-email/render';
import type { ReactElement } from 'react';

/**
 * A message's HTML and text parts from its React Email tree.
 *
 * React Email renders through react-dom/server. Inside Next (route handlers,
 * server actions) that resolves to a working renderer. Plain Node started with
 * `--conditions=react-server` (the job worker, the scripts) resolves it to
 * React's stub, which throws "react-dom/server is not supported in React
 * Server Components", and no build of @react-email/render avoids it. There
 * the tree is rendered by the react-dom/server that Next vendors, which
 * brings its own React: the tree's elements are plain objects and its
 * components use no hooks, so it renders the same. The text part is React
 * Email's own conversion either way.
 */
export async function renderParts(element: ReactElement): Promise<{ html: string; text: string }> {
  const markup = reactServerFallback();
  if (markup) {
    const body = markup(element);
    return { html: `${XHTML_DOCTYPE}${body}`, text: toPlainText(body) };
  }
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { html, text };
}

/** The doctype @react-email/render puts on every document. */
const XHTML_DOCTYPE = '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">';

type StaticMarkup = (element: ReactElement) => string;
let fallback: StaticMarkup | null | undefined;

function reactServerFallback(): StaticMarkup | null {
  if (fallback !== undefined) return fallback;
  fallback = null;
  // Next sets NEXT_RUNTIME and gives its server code a react-dom/server of its own.
  if (!process.env.NEXT_RUNTIME) {
    const require = createRequire(import.meta.url);
    if (require.resolve('react-dom/server').endsWith('server.react-server.js')) {
      const vendored = 'next/dist/compiled/react-dom/server.node';
      fallback = (require(vendored) as { renderToStaticMarkup: StaticMarkup }).renderToStaticMarkup;
    }
  }
  return fallback;
}
