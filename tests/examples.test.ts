import { describe, expect, it } from 'vitest';
import { checkExpectations, lintExamples } from '../scripts/lint-examples.js';

describe('examples/ (the demo input)', () => {
  it('has findings in every src/wrong/ file and none elsewhere', async () => {
    const { results } = await lintExamples();
    expect(results.length).toBeGreaterThan(5);
    expect(checkExpectations(results)).toEqual([]);
  });
});
