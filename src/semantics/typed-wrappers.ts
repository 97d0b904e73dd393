import ts from 'typescript';
import { commandSenderPackages, findMethodEntry, publishingCommandPackages, publishLikeMethodName, publishMethodNames } from './catalogue/index.js';
import { isReadableDeclaration, ownerNameOf, packageOfDeclaration } from './declarations.js';

/**
 * Wrappers whose bodies cannot be read: a shared event library installed as declaration files
 * (`@org/common` with `Publisher<T>` in a `.d.ts`). Judged from types alone: a method with a
 * publish-like name (`publish`, `publishEvent`, `emit`, `sendMessage`) on a class or interface
 * that holds a catalogued broker client — a property, accessor or constructor parameter typed
 * `Stan`, `Producer`, `Channel`, `ClientProxy`, `SNSClient` — is taken to publish through it.
 *
 * This is an inference, with limits: a method so named that does something else is read as a
 * publish; a client held as `any`, behind a type parameter, or only inside a closure is not seen.
 */
export interface TypedWrappers {
  /** The broker system a bodiless library method publishes to, judged from its owner's members. */
  publishSystemOf(declaration: ts.Declaration): string | undefined;
}

export function createTypedWrappers(program: ts.Program): TypedWrappers {
  const checker = program.getTypeChecker();
  const byOwner = new WeakMap<ts.Node, string | null>();
  const byType = new WeakMap<ts.Type, string | null>();

  return { publishSystemOf };

  function publishSystemOf(declaration: ts.Declaration): string | undefined {
    if (!(ts.isMethodDeclaration(declaration) || ts.isMethodSignature(declaration) || ts.isPropertyDeclaration(declaration) || ts.isPropertySignature(declaration))) return undefined;
    if (isReadableDeclaration(declaration, program)) return undefined;
    const name = ts.getNameOfDeclaration(declaration);
    if (name === undefined || !ts.isIdentifier(name) || !publishLikeMethodName.test(name.text)) return undefined;
    const owner = declaration.parent;
    if (!ts.isClassLike(owner) && !ts.isInterfaceDeclaration(owner)) return undefined;
    const cached = byOwner.get(owner);
    if (cached !== undefined) return cached ?? undefined;
    const system = heldBrokerSystem(owner);
    byOwner.set(owner, system ?? null);
    return system;
  }

  /** The broker of the first member (own or inherited) whose declared type is a catalogued broker client. */
  function heldBrokerSystem(owner: ts.ClassLikeDeclaration | ts.InterfaceDeclaration): string | undefined {
    const symbol = owner.name === undefined ? undefined : checker.getSymbolAtLocation(owner.name);
    if (symbol === undefined) return undefined;
    const instance = checker.getDeclaredTypeOfSymbol(symbol);
    const typeNodes = checker.getPropertiesOfType(instance).map((member) => {
      const declaration = member.valueDeclaration ?? member.declarations?.[0];
      return declaration === undefined ? undefined : declaredTypeNodeOf(declaration);
    });
    // Declaration files drop the types of private fields: the constructor still says what it takes.
    for (const cls of [instance, ...(checker.getBaseTypes(instance as ts.InterfaceType))]) {
      for (const declaration of cls.getSymbol()?.declarations ?? []) {
        if (!ts.isClassLike(declaration)) continue;
        for (const member of declaration.members) if (ts.isConstructorDeclaration(member)) typeNodes.push(...member.parameters.map((p) => p.type));
      }
    }
    for (const typeNode of typeNodes) {
      if (typeNode === undefined) continue;
      const system = brokerSystemOfType(checker.getTypeFromTypeNode(typeNode));
      if (system !== undefined) return system;
    }
    return undefined;
  }

  /** Is a type a catalogued broker client? It is when one of its publish methods is a catalogued publish. */
  function brokerSystemOfType(type: ts.Type): string | undefined {
    const cached = byType.get(type);
    if (cached !== undefined) return cached ?? undefined;
    const system = computeBrokerSystem(type);
    byType.set(type, system ?? null);
    return system;
  }

  function computeBrokerSystem(type: ts.Type): string | undefined {
    for (const method of publishMethodNames) {
      const property = checker.getPropertyOfType(type, method);
      for (const declaration of property?.declarations ?? []) {
        const pkg = packageOfDeclaration(declaration);
        if (pkg === undefined) continue;
        const entry = findMethodEntry(method, pkg, ownerNameOf(declaration), 'publish');
        if (entry !== undefined) return entry.system;
        // AWS SDK v3: the generic Smithy `send` of a client whose service's commands publish.
        if (method === 'send' && commandSenderPackages.includes(pkg)) {
          const clientDeclaration = type.getSymbol()?.declarations?.[0];
          const clientPackage = clientDeclaration === undefined ? undefined : packageOfDeclaration(clientDeclaration);
          const system = clientPackage === undefined ? undefined : publishingCommandPackages.get(clientPackage);
          if (system !== undefined) return system;
        }
      }
    }
    return undefined;
  }
}

/** The written type of a property, accessor or parameter property (declaration files always write it). */
function declaredTypeNodeOf(declaration: ts.Declaration): ts.TypeNode | undefined {
  if (ts.isPropertyDeclaration(declaration) || ts.isPropertySignature(declaration) || ts.isParameter(declaration)) return declaration.type;
  if (ts.isGetAccessorDeclaration(declaration)) return declaration.type;
  return undefined;
}
