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
});
