import { afterEach, describe, expect, it, vi } from 'vitest';
import { logger } from '@/lib/logger';

describe('logger', () => {
  afterEach(() => vi.restoreAllMocks());

  it('redacts secrets and health data by key', () => {
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
    logger.info('signed in', { userId: 'u1', password: 'hunter2', passwordHash: '$argon2id$x', answers: { q1: 'yes' } });
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0] ?? '{}') as Record<string, unknown>;
    expect(entry).toMatchObject({ level: 'info', message: 'signed in', userId: 'u1', password: '[redacted]', passwordHash: '[redacted]', answers: '[redacted]' });
    expect(lines[0]).not.toContain('hunter2');
  });

  it('redacts nested keys too', () => {
    const lines: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((line: string) => void lines.push(line));
    logger.error('failed', { request: { body: { email: 'a@b.test', password: 'hunter2' } } });
    expect(lines[0]).not.toContain('hunter2');
    expect(lines[0]).toContain('a@b.test');
  });

  it('never prints the parameters of a failed query, in a message, a field or a stack', () => {
    const lines: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((line: string) => void lines.push(line));
    const err = new Error('Failed query: insert into users (email, password_hash) values ($1, $2)\nparams: a@b.test,$argon2id$v=19$m=19456$secrethash\nsecond line of an answer');
    logger.error('unhandled error', { name: err.name, message: err.message, stack: err.stack });
    logger.error(`Failed query: select 1\nparams: 5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8`);
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(line).not.toContain('argon2id');
      expect(line).not.toContain('second line of an answer');
      expect(line).not.toContain('5e884898da28');
      expect(line).toContain('params: [redacted]');
    }
    // The query text and the stack's frames stay, to find the fault.
    const entry = JSON.parse(lines[0] ?? '{}') as { stack: string };
    expect(entry.stack).toContain('insert into users');
    expect(entry.stack).toMatch(/\n\s+at /);
  });
});
