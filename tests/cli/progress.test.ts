import { describe, expect, it, vi } from 'vitest';
import { createProgress } from '../../src/cli/progress.js';

function recorder(isTTY: boolean): { isTTY: boolean; written: string[]; write(text: string): void } {
  const written: string[] = [];
  return { isTTY, written, write: (text) => written.push(text) };
}

describe('the progress line', () => {
  it('stays quiet for a run shorter than the delay', () => {
    const stream = recorder(true);
    const progress = createProgress(stream, true, 60_000);
    progress.update(1, 2);
    progress.update(2, 2);
    progress.finish();
    expect(stream.written).toEqual([]);
  });

  it('redraws one line in place on a terminal, and clears it at the end', () => {
    vi.useFakeTimers();
    try {
      const stream = recorder(true);
      const progress = createProgress(stream, true, 0);
      progress.update(1, 3);
      vi.advanceTimersByTime(500);
      progress.update(3, 3);
      progress.finish();
      const clearLine = '\r\x1b[K';
      expect(stream.written[0]?.startsWith(clearLine)).toBe(true);
      expect(stream.written[0]?.slice(clearLine.length)).toMatch(/^event-driven-review: linting 1\/3 files \(\d+\.\d s\)$/u);
      expect(stream.written.at(-2)).toMatch(/linting 3\/3 files/u);
      expect(stream.written.at(-1)).toBe(clearLine);
    } finally {
      vi.useRealTimers();
    }
  });

  it('writes one line when it starts and one when it ends on a pipe (CI logs)', () => {
    const stream = recorder(false);
    const progress = createProgress(stream, true, 0);
    progress.update(1, 2);
    progress.update(2, 2);
    progress.finish();
    expect(stream.written).toEqual(['event-driven-review: linting 2 files…\n', expect.stringMatching(/^event-driven-review: linted 2 files in \d+\.\d s\n$/u)]);
  });

  it('writes nothing with --no-progress', () => {
    const stream = recorder(true);
    const progress = createProgress(stream, false, 0);
    progress.update(1, 1);
    progress.finish();
    expect(stream.written).toEqual([]);
  });
});
