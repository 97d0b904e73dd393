// `npm run demo`: lint the example order service and show what the plugin finds.
import path from 'node:path';
import { checkExpectations, examplesDir, lintExamples } from './lint-examples.js';

const started = performance.now();
const { eslint, results } = await lintExamples();
const formatter = await eslint.loadFormatter('stylish');
process.stdout.write(await formatter.format(results));

const seconds = ((performance.now() - started) / 1000).toFixed(1);
const findings = results.reduce((sum, r) => sum + r.messages.length, 0);
console.log(`Linted ${String(results.length)} files in ${path.relative(process.cwd(), examplesDir) || '.'} in ${seconds}s: ${String(findings)} findings.`);
console.log('Files in examples/src/wrong/ show the defects; examples/src/right/ shows the fixes, with no findings.');

const problems = checkExpectations(results);
if (problems.length > 0) {
  console.error(`\nThe demo did not come out as expected:\n- ${problems.join('\n- ')}`);
  process.exitCode = 1;
}
