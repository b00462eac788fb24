/**
 * Throughput of the Stripe emulator's payment path, driven through the official SDK:
 * 16 clients create and confirm PaymentIntents with pm_card_visa for DURATION_S seconds
 * (default 20), alternating `confirm: true` on create (one request) and create + confirm
 * (two requests). Prints requests, intents, throughput and per-request latency.
 *
 *   node --import tsx scripts/bench-stripe-emulator.ts
 */
import { performance } from 'node:perf_hooks';
import Stripe from 'stripe';
import { createEmulator } from '../stripe-emulator/src/index';

const DURATION_S = Number(process.env.DURATION_S ?? 20);
const CLIENTS = 16;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function main(): Promise<void> {
  const emu = createEmulator({ port: 0 });
  const url = await emu.listen();
  const stripe = new Stripe('sk_test_bench', { host: '127.0.0.1', port: Number(new URL(url).port), protocol: 'http', maxNetworkRetries: 0 });

  const latencies: number[] = [];
  let intents = 0;
  let errors = 0;
  const timed = async <T>(call: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    try {
      return await call();
    } finally {
      latencies.push(performance.now() - start);
    }
  };

  const started = performance.now();
  const deadline = started + DURATION_S * 1000;
  const client = async (n: number): Promise<void> => {
    for (let i = 0; performance.now() < deadline; i++) {
      try {
        let pi: Stripe.PaymentIntent;
        if ((i + n) % 2 === 0) {
          pi = await timed(() => stripe.paymentIntents.create({ amount: 2000, currency: 'gbp', payment_method: 'pm_card_visa', confirm: true }));
        } else {
          const created = await timed(() => stripe.paymentIntents.create({ amount: 2000, currency: 'gbp', metadata: { client: String(n) } }));
          pi = await timed(() => stripe.paymentIntents.confirm(created.id, { payment_method: 'pm_card_visa' }));
        }
        if (pi.status !== 'succeeded') throw new Error(`unexpected status ${pi.status}`);
        intents++;
      } catch (err) {
        errors++;
        if (errors <= 3) console.error(err);
      }
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, (_, n) => client(n)));
  const elapsed = (performance.now() - started) / 1000;
  await emu.close();

  const sorted = [...latencies].sort((a, b) => a - b);
  const ms = (v: number) => `${v.toFixed(2)} ms`;
  console.log(`stripe-emulator bench: ${CLIENTS} clients, ${elapsed.toFixed(1)} s`);
  console.log(`  requests:   ${latencies.length} (${(latencies.length / elapsed).toFixed(0)} req/s), errors: ${errors}`);
  console.log(`  intents:    ${intents} succeeded (${(intents / elapsed).toFixed(0)} intents/s)`);
  console.log(`  latency:    p50 ${ms(percentile(sorted, 50))}, p99 ${ms(percentile(sorted, 99))}, max ${ms(sorted.at(-1) ?? 0)}`);
  if (errors > 0) process.exitCode = 1;
}

await main();
