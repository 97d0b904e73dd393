import type ts from 'typescript';

/** One analysis per program, made on first use and dropped with the program (editor sessions make many). */
export function perProgram<T>(create: (program: ts.Program) => T): (program: ts.Program) => T {
  const byProgram = new WeakMap<ts.Program, T>();
  return (program) => {
    let analysis = byProgram.get(program);
    if (analysis === undefined) {
      analysis = create(program);
      byProgram.set(program, analysis);
    }
    return analysis;
  };
}
