import type { Stripe } from '@stripe/stripe-js';
import { loadStripe } from '@stripe/stripe-js/pure';

export interface BrowserStripeConfig {
  publishableKey: string;
  /** The offline emulator's Stripe.js stand-in; null means Stripe's own js.stripe.com. */
  stripeJsUrl: string | null;
}

let stripePromise: Promise<Stripe | null> | undefined;

function injectScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.async = true;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`Could not load Stripe.js from ${src}. Is the Stripe emulator running?`));
    document.head.appendChild(script);
  });
}

/**
 * Stripe.js for the Payment Element. Against the emulator its stand-in is
 * loaded first, so `loadStripe` (the "pure" entry, which injects nothing on
 * import) finds `window.Stripe` and never reaches for js.stripe.com.
 */
export function loadBrowserStripe(config: BrowserStripeConfig): Promise<Stripe | null> {
  stripePromise ??= (async () => {
    if (config.stripeJsUrl && !(window as { Stripe?: unknown }).Stripe) await injectScript(config.stripeJsUrl);
    return loadStripe(config.publishableKey);
  })();
  return stripePromise;
}
