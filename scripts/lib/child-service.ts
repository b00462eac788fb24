import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface ChildService {
  name: string;
  process: ChildProcess;
  /** Sends SIGTERM, then SIGKILL after the grace period; resolves when the process is gone. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Runs a Node program as a child whose output shares the launcher's terminal;
 * with `hideLine`, standard output goes through it line by line and the lines it matches are left out.
 */
export function startChild(
  name: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  onUnexpectedExit: (code: number | null) => void,
  hideLine?: (line: string) => boolean,
): ChildService {
  const child = spawn(process.execPath, args, { stdio: ['inherit', hideLine ? 'pipe' : 'inherit', 'inherit'], env });
  if (hideLine && child.stdout) {
    createInterface({ input: child.stdout, crlfDelay: Infinity }).on('line', (line) => {
      if (!hideLine(line)) process.stdout.write(`${line}\n`);
    });
  }
  let stopping = false;
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.log(`[launcher] ${name} stopped (${signal ?? `exit ${code}`}).`);
      onUnexpectedExit(code);
    }
  });
  return {
    name,
    process: child,
    stop(graceMs = 10_000) {
      stopping = true;
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
export async function waitForHttp(url: string, child: ChildService, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.process.exitCode !== null) throw new Error(`${child.name} exited during start-up.`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${child.name} did not answer at ${url} within ${timeoutMs / 1000} s.`);
}
