import ts from 'typescript';
import { functionHeldBy, isReadableDeclaration, isReadableSource, symbolAt } from './declarations.js';

/**
 * Finds the project's implementations of an interface or abstract method, so that a call through
 * a port (`this.events.publish(e)` with `events: EventPublisher`) is summarised by what the
 * implementing classes (`KafkaEventPublisher.publish`) do. The heritage index is syntactic and
 * built once per program; the checker confirms each candidate.
 */
export interface Implementations {
  /** Bodies that implement a bodiless project method or property signature. */
  implementationsOf(declaration: ts.Declaration): readonly ImplementedMember[];
}

export interface ImplementedMember {
  readonly className: string;
  readonly body: ts.SignatureDeclaration;
}

const maxImplementations = 8;

export function createImplementations(program: ts.Program): Implementations {
  const checker = program.getTypeChecker();
  let classesByHeritageName: Map<string, ts.ClassLikeDeclaration[]> | undefined;
  const cache = new WeakMap<ts.Declaration, readonly ImplementedMember[]>();

  return { implementationsOf };

  function implementationsOf(declaration: ts.Declaration): readonly ImplementedMember[] {
    const cached = cache.get(declaration);
    if (cached !== undefined) return cached;
    const found = findImplementations(declaration);
    cache.set(declaration, found);
    return found;
  }

  function findImplementations(declaration: ts.Declaration): ImplementedMember[] {
    if (!isBodilessMember(declaration) || !isReadableDeclaration(declaration, program)) return [];
    const owner = declaration.parent;
    const memberName = ts.getNameOfDeclaration(declaration)?.getText();
    if (memberName === undefined || !(ts.isInterfaceDeclaration(owner) || ts.isClassDeclaration(owner)) || owner.name === undefined) return [];
    const candidates = heritageIndex().get(owner.name.text) ?? [];
    const members: ImplementedMember[] = [];
    for (const candidate of candidates) {
      if (!inheritsFrom(candidate, owner)) continue;
      const member = candidate.members.find(
        (m): m is ts.MethodDeclaration | ts.PropertyDeclaration => (ts.isMethodDeclaration(m) || ts.isPropertyDeclaration(m)) && m.name.getText() === memberName,
      );
      const body = member === undefined ? undefined : bodyOf(member);
      if (body !== undefined) members.push({ className: candidate.name?.text ?? 'class', body });
      if (members.length >= maxImplementations) break;
    }
    return members;
  }

  function inheritsFrom(candidate: ts.ClassLikeDeclaration, owner: ts.Declaration): boolean {
    return (candidate.heritageClauses ?? []).some((clause) =>
      clause.types.some((type) => {
        const symbol = symbolAt(checker, type.expression);
        return symbol?.declarations?.includes(owner) === true;
      }),
    );
  }

  /** Project classes by the last name of each type they extend or implement. */
  function heritageIndex(): Map<string, ts.ClassLikeDeclaration[]> {
    if (classesByHeritageName !== undefined) return classesByHeritageName;
    const index = new Map<string, ts.ClassLikeDeclaration[]>();
    const visit = (node: ts.Node): void => {
      if (ts.isClassLike(node)) {
        for (const type of (node.heritageClauses ?? []).flatMap((clause) => clause.types)) {
          const name = ts.isPropertyAccessExpression(type.expression) ? type.expression.name.text : type.expression.getText();
          const list = index.get(name);
          if (list) list.push(node);
          else index.set(name, [node]);
        }
      }
      // Classes live at the top level, in namespaces, and in exported declarations; not inside functions.
      if (ts.isSourceFile(node) || ts.isModuleDeclaration(node) || ts.isModuleBlock(node)) ts.forEachChild(node, visit);
    };
    for (const file of program.getSourceFiles()) {
      if (isReadableSource(file, program)) visit(file);
    }
    classesByHeritageName = index;
    return index;
  }
}

/** An interface member, or an abstract or overload method: a declaration without a body. */
export function isBodilessMember(declaration: ts.Declaration): boolean {
  if (ts.isMethodSignature(declaration) || ts.isPropertySignature(declaration)) return true;
  return ts.isMethodDeclaration(declaration) && declaration.body === undefined;
}

function bodyOf(member: ts.MethodDeclaration | ts.PropertyDeclaration): ts.SignatureDeclaration | undefined {
  if (ts.isMethodDeclaration(member)) return member.body === undefined ? undefined : member;
  return functionHeldBy(member);
}
