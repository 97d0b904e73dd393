/** Where progress goes: process.stderr, or a stand-in in tests. */
export interface ProgressStream {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

export interface Progress {
  update(done: number, total: number): void;
  finish(): void;
}

const refreshMs = 200;
const files = (count: number): string => `${String(count)} file${count === 1 ? '' : 's'}`;

/**
 * A progress line on stderr for runs longer than `delayMs`: redrawn in place on a terminal, and
 * on a pipe (CI logs) one line when linting starts to take time and one when it ends.
 */
export function createProgress(stream: ProgressStream, enabled: boolean, delayMs = 1000): Progress {
  const started = performance.now();
  let done = 0;
  let total = 0;
  let shown = false;
  let drawnAt = 0;
  const seconds = (): string => ((performance.now() - started) / 1000).toFixed(1);
  const draw = (): void => {
    const now = performance.now();
    if (!enabled || total === 0 || now - started < delayMs) return;
    if (stream.isTTY === true) {
      // Thousands of small files would otherwise mean thousands of redraws.
      if (now - drawnAt < refreshMs / 2 && done < total) return;
      drawnAt = now;
      stream.write(`\r\x1b[Kevent-driven-review: linting ${String(done)}/${String(total)} files (${seconds()} s)`);
      shown = true;
    } else if (!shown) {
      stream.write(`event-driven-review: linting ${files(total)}…\n`);
      shown = true;
    }
  };
  // Linting a file is synchronous work: the timer redraws between files, never in the middle of one.
  const timer = setInterval(draw, refreshMs);
  timer.unref();
  return {
    update(doneCount, totalCount) {
      done = doneCount;
      total = totalCount;
      draw();
    },
    finish() {
      clearInterval(timer);
      if (!shown) return;
      if (stream.isTTY === true) stream.write('\r\x1b[K');
      else stream.write(`event-driven-review: linted ${files(total)} in ${seconds()} s\n`);
    },
  };
}
