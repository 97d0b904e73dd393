import path from 'node:path';
import plugin from '../index.js';
import type { ReviewOptions } from './args.js';
import { lintProject } from './lint.js';
import { readPackageInfo } from './package-info.js';
import { createProgress, type ProgressStream } from './progress.js';
import { findProject } from './project.js';
import { renderMarkdown } from './render-markdown.js';
import { renderText } from './render-text.js';
import { buildReport, type Report } from './report.js';

export interface ReviewIO {
  readonly cwd: string;
  readonly stdout: { write(text: string): unknown };
  readonly stderr: ProgressStream;
}

/** Runs the review and prints the report; returns the exit code. Bad input throws a ReviewError. */
export async function runReview(options: ReviewOptions, io: ReviewIO): Promise<number> {
  const started = performance.now();
  const project = findProject(path.resolve(io.cwd, options.dir), options.dir);
  const progress = createProgress(io.stderr, options.progress);
  let run;
  try {
    run = await lintProject(project, options.preset, (done, total) => {
      progress.update(done, total);
    });
  } finally {
    progress.finish();
  }
  const report = buildReport({
    target: options.dir,
    project,
    run,
    preset: options.preset,
    rules: Object.keys(plugin.configs[options.preset].rules ?? {}).map((id) => id.replace(/^event-driven\//u, '')),
    durationMs: performance.now() - started,
    tool: readPackageInfo(),
  });
  // The text report shows its warnings; with a file format they would go unseen, so say them here too.
  if (options.format !== 'text') for (const warning of report.warnings) io.stderr.write(`event-driven-review: warning: ${warning}\n`);
  io.stdout.write(render(report, options.format));
  return options.failOn === 'error' && report.summary.findings > 0 ? 1 : 0;
}

function render(report: Report, format: ReviewOptions['format']): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'markdown':
      return renderMarkdown(report);
    case 'text':
      return renderText(report);
  }
}
