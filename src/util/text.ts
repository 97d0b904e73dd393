/** Small text helpers shared by the semantic layer, the rules and the review command. */

/** Code quoted in a message or label: one line, at most `max` characters. */
export function clip(text: string, max = 40): string {
  const oneLine = text.replaceAll(/\s+/gu, ' ');
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}

export function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
