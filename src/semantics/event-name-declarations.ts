import ts from 'typescript';
import { isReadableSource } from './declarations.js';
import { perProgram } from './per-program.js';

/**
 * Where event names are declared, so that a name is judged once, at its declaration, and not
 * at every use. An enum member or a constant becomes an event name when an event type uses it
 * as its type field: `interface TicketCreatedEvent { subject: Subjects.TicketCreated; data: … }`
 * makes `Subjects.TicketCreated = 'ticket:created'` an event name, wherever the enum lives.
 *
 * One syntactic walk of the program's interfaces and type aliases, cached per program; only the
 * type references in type fields are resolved.
 */
export interface EventNameDeclarations {
  /** Is this enum member or `const` declaration used as the name of an event type? */
  isEventName(declaration: ts.Node): boolean;
}

/** Field names that carry an event's name in an event type. `subject` is the NATS convention. */
export const eventTypeNameFields: readonly string[] = ['type', 'eventType', 'eventName', 'event_type', 'subject', 'DetailType'];
/** With a name field, a body and an identity or time make a declared type look like an event. */
export const eventBodyFields: ReadonlySet<string> = new Set(['data', 'payload', 'detail']);
export const eventIdentityFields: ReadonlySet<string> = new Set(['id', 'eventId', 'occurredAt', 'occurred_at', 'timestamp', 'aggregateId', 'version']);
/** Names that say a type is a command, a request, a query or a UI action, not an event. */
export const notEventTypeName = /(?:Command|Cmd|Request|Query|Action)$/u;

export const getEventNameDeclarations: (program: ts.Program) => EventNameDeclarations = perProgram(createEventNameDeclarations);

function createEventNameDeclarations(program: ts.Program): EventNameDeclarations {
  let declarations: Set<ts.Node> | undefined;
  return {
    isEventName(declaration) {
      declarations ??= collect(program);
      return declarations.has(declaration);
    },
  };
}

function collect(program: ts.Program): Set<ts.Node> {
  const checker = program.getTypeChecker();
  const found = new Set<ts.Node>();
  const fields = new Set(eventTypeNameFields);
  const visitMembers = (name: string, members: readonly ts.TypeElement[]): void => {
    if (notEventTypeName.test(name) || !looksLikeEventType(name, members)) return;
    for (const member of members) {
      if (!ts.isPropertySignature(member) || member.type === undefined || !fields.has(propertyName(member.name))) continue;
      for (const reference of typeReferencesIn(member.type)) {
        const symbol = checker.getSymbolAtLocation(reference);
        const target = symbol !== undefined && symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
        const declaration = target?.valueDeclaration ?? target?.declarations?.[0];
        if (declaration !== undefined && (ts.isEnumMember(declaration) || ts.isVariableDeclaration(declaration))) found.add(declaration);
        // `subject: Subjects` in the base event type: every member of the enum names an event.
        if (declaration !== undefined && ts.isEnumDeclaration(declaration)) for (const enumMember of declaration.members) found.add(enumMember);
      }
    }
  };
  const visit = (node: ts.Node): void => {
    if (ts.isInterfaceDeclaration(node)) visitMembers(node.name.text, node.members);
    else if (ts.isTypeAliasDeclaration(node) && ts.isTypeLiteralNode(node.type)) visitMembers(node.name.text, node.type.members);
    // Event types are declared at the top level and in namespaces, not inside functions.
    else if (ts.isModuleDeclaration(node) || ts.isModuleBlock(node)) ts.forEachChild(node, visit);
  };
  for (const file of program.getSourceFiles()) {
    // Syntax first: a file without a type field spelled in it declares no event type with one.
    if (!isReadableSource(file, program) || !eventTypeNameFields.some((field) => file.text.includes(field))) continue;
    ts.forEachChild(file, visit);
  }
  return found;
}

/** `…Event`, or a name field with a body and an identity or time. */
export function looksLikeEventType(name: string, members: readonly ts.TypeElement[]): boolean {
  if (/Event$/u.test(name)) return true;
  const names = members.flatMap((m) => (ts.isPropertySignature(m) ? [propertyName(m.name)] : []));
  return names.some((n) => eventBodyFields.has(n)) && names.some((n) => eventIdentityFields.has(n) || n === 'subject');
}

/** The entity names of `Subjects.TicketCreated`, `typeof ORDER_PLACED`, and of the members of a union of them. */
function typeReferencesIn(type: ts.TypeNode): ts.Node[] {
  if (ts.isUnionTypeNode(type)) return type.types.flatMap(typeReferencesIn);
  if (ts.isTypeReferenceNode(type)) return [ts.isQualifiedName(type.typeName) ? type.typeName.right : type.typeName];
  if (ts.isTypeQueryNode(type)) return [ts.isQualifiedName(type.exprName) ? type.exprName.right : type.exprName];
  return [];
}

function propertyName(name: ts.PropertyName): string {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : '';
}
