import { describe, expect, it } from 'vitest';
import { startChild, type Supervision } from '../../scripts/lib/child-service';

/** A supervision that records what happens, with short delays. */
function recording(overrides: Partial<Supervision> = {}) {
  const lines: string[] = [];
  let gaveUp: (message: string) => void = () => {};
  const givenUp = new Promise<string>((resolve) => (gaveUp = resolve));
  const supervision: Supervision = { stopping: () => false, giveUp: (m) => gaveUp(m), log: (l) => lines.push(l), baseDelayMs: 20, maxRestarts: 3, windowMs: 60_000, ...overrides };
  return { lines, givenUp, supervision };
}

describe('a supervised child', () => {
  it('that keeps dying is restarted with doubling delays, then given up on with its exit code', async () => {
    const { lines, givenUp, supervision } = recording();
    const started = Date.now();
    startChild('Crasher', ['-e', 'process.exit(3)'], process.env, supervision);
    const message = await givenUp;
    expect(message).toMatch(/^Crasher stopped \(exit 3\) after 3 restarts within 60 s; giving up\.$/);
    const restarting = lines.filter((l) => l.includes('stopped unexpectedly'));
    expect(restarting).toEqual([
      'Crasher stopped unexpectedly (exit 3); restarting in 0.02 s (restart 1 of 3 allowed within 60 s).',
      'Crasher stopped unexpectedly (exit 3); restarting in 0.04 s (restart 2 of 3 allowed within 60 s).',
      'Crasher stopped unexpectedly (exit 3); restarting in 0.08 s (restart 3 of 3 allowed within 60 s).',
    ]);
    expect(lines.filter((l) => /^Crasher restarted \(pid \d+\)\.$/.test(l))).toHaveLength(3);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('killed by a signal is restarted, and stop() ends it for good', async () => {
    const { lines, supervision } = recording();
    const child = startChild('Sleeper', ['-e', 'setInterval(() => {}, 1000)'], process.env, supervision);
    const first = child.process;
    const exited = new Promise((r) => first.once('exit', r));
    first.kill('SIGKILL');
    await exited;
    for (let i = 0; i < 100 && child.process === first; i++) await new Promise((r) => setTimeout(r, 20));
    expect(child.process).not.toBe(first);
    expect(lines).toContain('Sleeper stopped unexpectedly (SIGKILL); restarting in 0.02 s (restart 1 of 3 allowed within 60 s).');
    const second = child.process;
    await child.stop();
    expect(second.signalCode).toBe('SIGTERM');
    await new Promise((r) => setTimeout(r, 100));
    expect(child.process).toBe(second);
  });

  it('is left dead while the launcher is stopping', async () => {
    const { lines, supervision } = recording({ stopping: () => true });
    const child = startChild('Quitter', ['-e', 'process.exit(0)'], process.env, supervision);
    await new Promise((r) => child.process.once('exit', r));
    await new Promise((r) => setTimeout(r, 100));
    expect(lines.filter((l) => l.includes('restart'))).toEqual([]);
  });
});
