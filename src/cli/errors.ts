/** A problem with the command line: reported in one line, with a pointer to --help. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** A problem with the project to review (no tsconfig, no such directory): reported in one line. */
export class ReviewError extends Error {
  override readonly name = 'ReviewError';
}

/** The first line of an error's message: users see what went wrong, never a stack trace. */
export function firstLineOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message.split('\n').find((line) => line.trim() !== '') ?? message).trim();
}
