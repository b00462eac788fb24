import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface ChildService {
  name: string;
  /** The running process (a new one after each restart). */
  readonly process: ChildProcess;
  /** Sends SIGTERM, then SIGKILL after the grace period; resolves when the process is gone. No restart follows. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * What a child does when it dies on its own: it is started again after a
 * backoff (baseDelayMs, doubling: 1 s, 2 s, 4 s...) unless it has already been
 * restarted maxRestarts times within windowMs; then `giveUp` is called with a
 * message saying so. While `stopping()` is true (the launcher is shutting
 * down) a dying child is left dead.
 */
export interface Supervision {
  giveUp(message: string): void;
  stopping(): boolean;
  maxRestarts?: number;
  windowMs?: number;
  baseDelayMs?: number;
  log?: (line: string) => void;
}

export const RESTART_DEFAULTS = { maxRestarts: 5, windowMs: 60_000, baseDelayMs: 1_000 };

/** How a process ended, for the log: "exit 1" or "SIGKILL". */
export function describeExit(code: number | null, signal: NodeJS.Signals | null): string {
  return signal ?? `exit ${code}`;
}

/**
 * Runs a Node program as a child whose output shares the launcher's terminal,
 * restarting it when it dies unexpectedly (see Supervision); with `hideLine`,
 * standard output goes through it line by line and the lines it matches are left out.
 */
export function startChild(
  name: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  supervision: Supervision,
  hideLine?: (line: string) => boolean,
): ChildService {
  const log = supervision.log ?? ((line: string) => console.log(`[launcher] ${line}`));
  const maxRestarts = supervision.maxRestarts ?? RESTART_DEFAULTS.maxRestarts;
  const windowMs = supervision.windowMs ?? RESTART_DEFAULTS.windowMs;
  const baseDelayMs = supervision.baseDelayMs ?? RESTART_DEFAULTS.baseDelayMs;
  let stopping = false;
  let restartTimer: NodeJS.Timeout | undefined;
  const restarts: number[] = [];

  const spawnOne = (): ChildProcess => {
    const child = spawn(process.execPath, args, { stdio: ['inherit', hideLine ? 'pipe' : 'inherit', 'inherit'], env });
    if (hideLine && child.stdout) {
      createInterface({ input: child.stdout, crlfDelay: Infinity }).on('line', (line) => {
        if (!hideLine(line)) process.stdout.write(`${line}\n`);
      });
    }
    child.on('exit', (code, signal) => {
      if (stopping || supervision.stopping()) return;
      const now = Date.now();
      while (restarts.length > 0 && now - restarts[0]! > windowMs) restarts.shift();
      if (restarts.length >= maxRestarts) {
        supervision.giveUp(
          `${name} stopped (${describeExit(code, signal)}) after ${restarts.length} restarts within ${Math.round(windowMs / 1000)} s; giving up.`,
        );
        return;
      }
      const delay = baseDelayMs * 2 ** restarts.length;
      restarts.push(now + delay);
      log(`${name} stopped unexpectedly (${describeExit(code, signal)}); restarting in ${delay / 1000} s (restart ${restarts.length} of ${maxRestarts} allowed within ${Math.round(windowMs / 1000)} s).`);
      restartTimer = setTimeout(() => {
        restartTimer = undefined;
        if (stopping || supervision.stopping()) return;
        current = spawnOne();
        log(`${name} restarted (pid ${current.pid}).`);
      }, delay);
    });
    return child;
  };

  let current = spawnOne();
  log(`${name} started (pid ${current.pid}).`);
  return {
    name,
    get process() {
      return current;
    },
    stop(graceMs = 10_000) {
      stopping = true;
      clearTimeout(restartTimer);
      const child = current;
      if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
      return new Promise((resolve) => {
        const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      });
    },
  };
}

/** Polls a URL until it answers 2xx, failing early if the child exits. */
export async function waitForHttp(url: string, child: ChildService, timeoutMs: number, intervalMs = 50): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.process.exitCode !== null || child.process.signalCode !== null) throw new Error(`${child.name} exited during start-up.`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      await res.body?.cancel();
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  throw new Error(`${child.name} did not answer at ${url} within ${timeoutMs / 1000} s.`);
}
