/**
 * The launcher (`npm start`) as a user runs it, on the built tree, with its own
 * ports and a data folder of its own: it starts everything, and when its Next
 * server is killed with SIGKILL it starts it again.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isBuildStale } from '../../scripts/lib/build';
import { freePort } from '../../scripts/lib/embedded-postgres';

let launcher: ChildProcess | undefined;
let output = '';
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'wellbook-launcher-'));

afterAll(async () => {
  if (launcher && launcher.exitCode === null && launcher.signalCode === null) {
    const gone = new Promise((r) => launcher?.once('exit', r));
    launcher.kill('SIGTERM');
    setTimeout(() => launcher?.kill('SIGKILL'), 20_000).unref();
    await gone;
  }
  rmSync(dataDir, { recursive: true, force: true });
}, 30_000);

async function until(what: string, done: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await done()) return;
    if (launcher?.exitCode !== null) throw new Error(`the launcher exited (${launcher?.exitCode}) before ${what}:\n${output.slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} did not happen within ${timeoutMs} ms:\n${output.slice(-3000)}`);
}

const healthy = async (url: string) => {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(3_000) })).status === 200;
  } catch {
    return false;
  }
};

describe('the launcher', () => {
  it('restarts its Next server after a SIGKILL, and /api/health answers again', async () => {
    if (await isBuildStale()) throw new Error('The build is stale: run `node --import tsx scripts/build-if-stale.ts` first (npm run test:integration does).');
    const [port, pgPort, stripePort, mpesaPort, smtpPort, mailHttpPort] = await Promise.all([freePort(), freePort(), freePort(), freePort(), freePort(), freePort()]);
    const env: Record<string, string | undefined> = {};
    // What a laptop has: none of the test run's services or secrets.
    for (const [key, value] of Object.entries(process.env)) {
      if (!/^(DATABASE_URL|AUTH_SECRET|QUESTIONNAIRE_KEY|STRIPE_|MPESA_|SMTP_URL|MAIL_|APP_URL|TEST_CLOCK|NODE_ENV|VITEST)/.test(key)) env[key] = value;
    }
    Object.assign(env, {
      DATA_DIR: dataDir,
      PORT: String(port),
      EMBEDDED_PG_PORT: String(pgPort),
      STRIPE_EMULATOR_PORT: String(stripePort),
      MPESA_EMULATOR_PORT: String(mpesaPort),
      MAIL_CATCHER_SMTP_PORT: String(smtpPort),
      MAIL_CATCHER_HTTP_PORT: String(mailHttpPort),
    });
    const started = Date.now();
    launcher = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/launch.ts', 'start'], { env: env as NodeJS.ProcessEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    launcher.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    launcher.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

    await until('the launcher ready', () => /\[launcher\] Ready in [\d.]+ s: http/.test(output), 90_000);
    const health = `http://127.0.0.1:${port}/api/health`;
    expect(await healthy(health)).toBe(true);
    // Each step says how long it took.
    for (const step of ['Build checked', 'Database: embedded PostgreSQL', 'Migrations applied', 'Seeded demo data', 'Next server ready']) {
      expect(output).toMatch(new RegExp(`\\[launcher\\] ${step}.* \\([\\d.]+ s\\)\\.`));
    }
    const firstPid = Number(/\[launcher\] Next server started \(pid (\d+)\)/.exec(output)?.[1]);
    expect(firstPid).toBeGreaterThan(0);
    const readyAt = Date.now();

    process.kill(firstPid, 'SIGKILL');
    await until('the Next server restarted', () => /\[launcher\] Next server restarted \(pid \d+\)/.test(output), 15_000);
    expect(output).toContain('[launcher] Next server stopped unexpectedly (SIGKILL); restarting in 1 s (restart 1 of 5 allowed within 60 s).');
    const secondPid = Number(/\[launcher\] Next server restarted \(pid (\d+)\)/.exec(output)?.[1]);
    expect(secondPid).not.toBe(firstPid);
    await until('/api/health answering again', () => healthy(health), 30_000);
    const recoveredIn = Date.now() - readyAt;

    // Ctrl-C (SIGTERM here) still stops everything, and the launcher exits 0.
    const exited = new Promise<number | null>((r) => launcher?.once('exit', (code) => r(code)));
    launcher.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output).toContain('[launcher] Stopped.');
    expect(() => process.kill(secondPid, 0)).toThrow();
    console.log(`launcher test: ready after ${((readyAt - started) / 1000).toFixed(1)} s (first start: initdb and seed), Next back after ${(recoveredIn / 1000).toFixed(1)} s`);
  }, 150_000);
});
