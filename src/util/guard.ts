/**
 * The one place where the plugin turns an unexpected error into "no finding". Odd user code or a
 * declaration file the analysis did not foresee must never break linting; but a bug hidden as a
 * silent false negative is worse than a crash in development. So under tests (vitest) and when
 * `EVENT_DRIVEN_DEBUG=1` is set, the error is rethrown: the robustness suite sees it.
 */
export const debugVariable = 'EVENT_DRIVEN_DEBUG';

export function guard<T>(compute: () => T, fallback: T): T {
  try {
    return compute();
  } catch (error) {
    if (rethrows()) throw error;
    return fallback;
  }
}

function rethrows(): boolean {
  return process.env[debugVariable] === '1' || process.env.VITEST !== undefined;
}

/** The same decision inside a `catch` that must also clean up: rethrows under tests and with the debug variable. */
export function degrade(error: unknown): void {
  if (rethrows()) throw error;
}
