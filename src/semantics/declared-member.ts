import ts from 'typescript';
import { isConstDeclaration, symbolAt } from './declarations.js';

/**
 * The declarations of `receiver.member`, read from the type the receiver is declared with — a
 * shortcut past the checker's type of the receiver expression. Asking the checker for
 * `AppointmentModel.findOne` makes it infer `model<T>(…)`'s full generic return type (over a
 * second for Mongoose); the declared types only need name lookups: `AppointmentModel` is a const
 * initialized by `model(…)`, which is declared to return `Model<…>`, an interface that declares
 * `findOne`. Answers only when every step is a plain named type; otherwise `undefined`, and
 * the caller asks the checker.
 */
export function memberByDeclaredType(checker: ts.TypeChecker, receiver: ts.Expression, member: string): readonly ts.Declaration[] | undefined {
  const types = declaredTypeOfExpression(checker, receiver);
  const found = types === undefined ? undefined : findMember(checker, types, member, 0);
  // Not declared on the named types (an index signature, `Object`'s members): the checker knows.
  return found === undefined || found.length === 0 ? undefined : found;
}

/**
 * The names a receiver's declared type gives it: the named types (`Repository`) and the type
 * arguments written where it is declared (`Repository<OutboxMessage>`, `model<OutboxRecord>(…)`).
 * `undefined` when the declared type is not plain enough to tell.
 */
export function declaredTypeNamesOf(checker: ts.TypeChecker, receiver: ts.Expression): readonly string[] | undefined {
  const types = declaredTypeOfExpression(checker, receiver);
  if (types === undefined) return undefined;
  const names = types.flatMap((type) => (type.name === undefined ? [] : [type.name.text]));
  const declaration = receiverDeclarationOf(checker, receiver);
  const written = declaration === undefined ? undefined : (declaration.type ?? declaration.initializer);
  const typeArguments =
    written === undefined
      ? []
      : ts.isTypeReferenceNode(written) || ts.isCallExpression(written) || ts.isNewExpression(written)
        ? (written.typeArguments ?? [])
        : [];
  for (const argument of typeArguments) {
    if (ts.isTypeReferenceNode(argument)) names.push(ts.isQualifiedName(argument.typeName) ? argument.typeName.right.text : argument.typeName.text);
  }
  return names;
}

/** The variable, field or parameter a receiver names (`orders`, `this.orders`), if it names one. */
function receiverDeclarationOf(checker: ts.TypeChecker, receiver: ts.Expression): ts.VariableDeclaration | ts.PropertyDeclaration | ts.ParameterDeclaration | undefined {
  const node = withoutParentheses(receiver);
  const declaration = ts.isIdentifier(node)
    ? symbolAt(checker, node)?.valueDeclaration
    : ts.isPropertyAccessExpression(node) && node.expression.kind === ts.SyntaxKind.ThisKeyword
      ? fieldOfEnclosingClass(node)
      : undefined;
  return declaration !== undefined && (ts.isVariableDeclaration(declaration) || ts.isPropertyDeclaration(declaration) || ts.isParameter(declaration)) ? declaration : undefined;
}

/** Interface and class declarations of one named type. */
type TypeDeclarations = readonly (ts.InterfaceDeclaration | ts.ClassLikeDeclaration)[];

const maxHops = 4;
const maxHeritageDepth = 6;

function declaredTypeOfExpression(checker: ts.TypeChecker, expression: ts.Expression): TypeDeclarations | undefined {
  const node = withoutParentheses(expression);
  if (ts.isAsExpression(node) || ts.isSatisfiesExpression(node)) return declaredTypeOfTypeNode(checker, node.type, 0);
  const declaration = receiverDeclarationOf(checker, node);
  if (declaration !== undefined) return declaredTypeOfDeclaration(checker, declaration, 0);
  if (node.kind === ts.SyntaxKind.ThisKeyword) {
    const cls = instanceClassOf(node);
    return cls === undefined ? undefined : [cls];
  }
  // `getSnsClient().send(…)`: what the function is declared to return; `new InviteEmail({ … }).schedule()`:
  // the class, without typing the constructor's (contextually typed) arguments.
  if (ts.isCallExpression(node) || ts.isNewExpression(node)) return declaredTypeOfInitializer(checker, node, 0);
  return undefined;
}

/** The class whose instance `this` is at this node, if it is one. */
function instanceClassOf(thisNode: ts.Node): ts.ClassLikeDeclaration | undefined {
  let node: ts.Node = thisNode;
  // `this` is the instance only in methods, accessors, constructors, property initializers and arrows inside them.
  while (!ts.isClassLike(node)) {
    node = node.parent;
    if (ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isSourceFile(node)) return undefined;
    if (ts.isMethodDeclaration(node) || ts.isAccessor(node) || ts.isPropertyDeclaration(node)) {
      // In a static member `this` is the class itself; in an object literal's method, the object.
      if (isStatic(node) || !ts.isClassLike(node.parent)) return undefined;
    }
  }
  return node;
}

/** `this.name` inside a class's own methods: the property or constructor parameter property it declares. */
function fieldOfEnclosingClass(access: ts.PropertyAccessExpression): ts.Declaration | undefined {
  const name = access.name.text;
  const cls = instanceClassOf(access.expression);
  if (cls === undefined) return undefined;
  for (const member of cls.members) {
    if (ts.isPropertyDeclaration(member) && !isStatic(member) && member.name.getText() === name) return member;
    if (ts.isConstructorDeclaration(member)) {
      const parameter = member.parameters.find((p) => ts.isParameterPropertyDeclaration(p, member) && ts.isIdentifier(p.name) && p.name.text === name);
      if (parameter !== undefined) return parameter;
    }
  }
  // Declared in a base class, or assigned without a declaration: let the checker answer.
  return undefined;
}

function declaredTypeOfDeclaration(checker: ts.TypeChecker, declaration: ts.Declaration, hops: number): TypeDeclarations | undefined {
  if (hops > maxHops) return undefined;
  if (ts.isVariableDeclaration(declaration) || ts.isPropertyDeclaration(declaration) || ts.isParameter(declaration)) {
    if (declaration.type !== undefined) return declaredTypeOfTypeNode(checker, declaration.type, hops + 1);
    // `?` and `...` change the declared type (`T | undefined`, `T[]`): leave those to the checker.
    if (ts.isParameter(declaration) || declaration.initializer === undefined) return undefined;
    if (ts.isVariableDeclaration(declaration) && !isConstDeclaration(declaration)) return undefined;
    return declaredTypeOfInitializer(checker, declaration.initializer, hops + 1);
  }
  return undefined;
}

/** `new Kafka(…)`, `model<T>(…)`, `kafka.producer()`: the class, or the declared return type of every overload. */
function declaredTypeOfInitializer(checker: ts.TypeChecker, initializer: ts.Expression, hops: number): TypeDeclarations | undefined {
  let node = initializer;
  while (ts.isParenthesizedExpression(node)) node = node.expression;
  if (ts.isAsExpression(node) || ts.isSatisfiesExpression(node)) return declaredTypeOfTypeNode(checker, node.type, hops);
  if (ts.isNewExpression(node)) return constructedTypeOf(checker, node.expression, hops);
  if (!ts.isCallExpression(node)) return undefined;
  const calleeName = ts.isPropertyAccessExpression(node.expression) ? node.expression.name : ts.isIdentifier(node.expression) ? node.expression : undefined;
  if (calleeName === undefined) return undefined;
  // The callee's own symbol: for `kafka.producer()` this asks for `kafka`'s type, which is cheap
  // for a plain class; generic inference is what the shortcut avoids, and it happens only when
  // the call's signature is resolved.
  const typeArguments = node.typeArguments?.length ?? 0;
  // Overloads that cannot take the written type arguments are out (`model<T>(…)` is not `model<T, U>(…)`).
  const declarations = (symbolAt(checker, calleeName)?.declarations ?? []).filter((d) => typeArguments === 0 || acceptsTypeArguments(d, typeArguments));
  return agreedReturnType(checker, declarations, hops);
}

/**
 * `new C(…)`: the class C; or, for the library pattern `interface Set<T>` + `declare var Set:
 * SetConstructor`, what every construct signature of the constructor's declared type returns.
 */
function constructedTypeOf(checker: ts.TypeChecker, expression: ts.Expression, hops: number): TypeDeclarations | undefined {
  const declarations = symbolAt(checker, expression)?.declarations ?? [];
  const classes = declarations.filter((d) => ts.isClassLike(d));
  if (classes.length > 0) return classes;
  const variable = declarations.find((d): d is ts.VariableDeclaration => ts.isVariableDeclaration(d));
  const constructorType = variable?.type === undefined ? undefined : declaredTypeOfTypeNode(checker, variable.type, hops + 1);
  const signatures = (constructorType ?? []).flatMap((type) => (ts.isInterfaceDeclaration(type) ? type.members.filter(ts.isConstructSignatureDeclaration) : []));
  return agreedReturnType(checker, signatures, hops);
}

/** The named type every signature is declared to return, if they all agree on one. */
function agreedReturnType(checker: ts.TypeChecker, signatures: readonly ts.Declaration[], hops: number): TypeDeclarations | undefined {
  let agreed: TypeDeclarations | undefined;
  for (const signature of signatures) {
    if (!ts.isFunctionLike(signature) || signature.type === undefined) return undefined;
    const returned = declaredTypeOfTypeNode(checker, signature.type, hops);
    if (returned === undefined || (agreed !== undefined && !sameDeclarations(agreed, returned))) return undefined;
    agreed = returned;
  }
  return agreed;
}

function acceptsTypeArguments(declaration: ts.Declaration, count: number): boolean {
  if (!ts.isFunctionLike(declaration)) return false;
  const parameters = declaration.typeParameters ?? [];
  const required = parameters.filter((p) => p.default === undefined).length;
  return count >= required && count <= parameters.length;
}

/**
 * A type reference to a named interface or class, through plain type aliases. In an
 * intersection (`Model<…> & Statics<…>`) the named parts; the others add members the shortcut
 * does not see, which is only a loss when they redeclare a catalogued method.
 */
function declaredTypeOfTypeNode(checker: ts.TypeChecker, type: ts.TypeNode, hops: number): TypeDeclarations | undefined {
  if (hops > maxHops) return undefined;
  if (ts.isParenthesizedTypeNode(type)) return declaredTypeOfTypeNode(checker, type.type, hops);
  if (ts.isIntersectionTypeNode(type)) {
    const parts = type.types.flatMap((part) => declaredTypeOfTypeNode(checker, part, hops + 1) ?? []);
    return parts.length === 0 ? undefined : parts;
  }
  if (!ts.isTypeReferenceNode(type)) return undefined;
  const name = ts.isQualifiedName(type.typeName) ? type.typeName.right : type.typeName;
  // A name can be a type and a value at once (`interface Model` and `const Model`): the type is meant.
  const declarations = (symbolAt(checker, name)?.declarations ?? []).filter((d) => ts.isInterfaceDeclaration(d) || ts.isClassLike(d) || ts.isTypeAliasDeclaration(d));
  if (declarations.length === 1 && ts.isTypeAliasDeclaration(declarations[0] as ts.Declaration)) {
    const alias = declarations[0] as ts.TypeAliasDeclaration;
    // A generic alias could map its parameter anywhere: only a plain alias is followed.
    return alias.typeParameters === undefined ? declaredTypeOfTypeNode(checker, alias.type, hops + 1) : undefined;
  }
  if (declarations.length === 0 || !declarations.every((d) => ts.isInterfaceDeclaration(d) || ts.isClassLike(d))) return undefined;
  return declarations;
}

/**
 * The member in the types or, when none declares it, in what they extend (not what a class
 * implements): `[]` when none declares it, `undefined` when a base is not a plain named type.
 */
function findMember(checker: ts.TypeChecker, types: TypeDeclarations, member: string, depth: number): readonly ts.Declaration[] | undefined {
  if (depth > maxHeritageDepth) return undefined;
  const found: ts.Declaration[] = [];
  for (const type of types) {
    for (const candidate of type.members as ts.NodeArray<ts.ClassElement | ts.TypeElement>) {
      const name = candidate.name;
      if (name !== undefined && (ts.isIdentifier(name) || ts.isPrivateIdentifier(name) || ts.isStringLiteral(name)) && name.text === member) {
        // A static member is not on the instance.
        if (isStatic(candidate)) continue;
        found.push(candidate);
      }
    }
  }
  if (found.length > 0) return found;
  const bases: TypeDeclarations[] = [];
  for (const type of types) {
    for (const clause of type.heritageClauses ?? []) {
      if (clause.token !== ts.SyntaxKind.ExtendsKeyword) continue;
      for (const base of clause.types) {
        const declarations = (symbolAt(checker, base.expression)?.declarations ?? []).filter(
          (d): d is ts.InterfaceDeclaration | ts.ClassLikeDeclaration => ts.isInterfaceDeclaration(d) || ts.isClassLike(d),
        );
        // A base that is not a plain named type (a mixin call, a type alias): the checker decides.
        if (declarations.length === 0) return undefined;
        bases.push(declarations);
      }
    }
  }
  for (const base of bases) {
    const inBase = findMember(checker, base, member, depth + 1);
    if (inBase === undefined) return undefined;
    if (inBase.length > 0) found.push(...inBase);
  }
  return found;
}

function sameDeclarations(a: TypeDeclarations, b: TypeDeclarations): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

function isStatic(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.StaticKeyword);
}

/** `(x)`, `x!` → `x`. */
function withoutParentheses(expression: ts.Expression): ts.Expression {
  let node = expression;
  while (ts.isParenthesizedExpression(node) || ts.isNonNullExpression(node)) node = node.expression;
  return node;
}
