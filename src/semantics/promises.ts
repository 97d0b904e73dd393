import ts from 'typescript';

/** Is the value of this expression a promise (anything with a callable `then`)? A union counts when one member is. */
export function isThenable(checker: ts.TypeChecker, node: ts.Node): boolean {
  const type = checker.getTypeAtLocation(node);
  return (type.isUnion() ? type.types : [type]).some((part) => {
    const then = part.getProperty('then');
    return then !== undefined && ((then.flags & ts.SymbolFlags.Method) !== 0 || checker.getTypeOfSymbol(then).getCallSignatures().length > 0);
  });
}
