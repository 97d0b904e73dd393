import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { getEventNameDeclarations } from '../../src/semantics/event-name-declarations.js';

/** A program over in-memory files (module resolution included). */
function programOf(files: Record<string, string>): ts.Program {
  const options: ts.CompilerOptions = { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, noLib: true, noEmit: true };
  const host = ts.createCompilerHost(options);
  host.fileExists = (name) => name in files;
  host.readFile = (name) => files[name];
  host.getSourceFile = (name, version) => (name in files ? ts.createSourceFile(name, files[name] ?? '', version, true) : undefined);
  return ts.createProgram({ rootNames: Object.keys(files), options, host });
}

/** Which members of the enums and which constants of a file the index calls event names. */
function eventNamesDeclaredIn(program: ts.Program, fileName: string): string[] {
  const file = program.getSourceFile(fileName);
  if (file === undefined) throw new Error(`no ${fileName}`);
  const index = getEventNameDeclarations(program);
  const names: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isEnumMember(node) || ts.isVariableDeclaration(node)) && index.isEventName(node)) names.push(node.name.getText());
    ts.forEachChild(node, visit);
  };
  visit(file);
  return names;
}

describe('event-name declarations: enum members and constants that event types use as their name', () => {
  it('finds members used by event types in other files, one by one or the whole enum', () => {
    const program = programOf({
      '/subjects.ts': `
        export enum Subjects { TicketCreated = 'ticket:created', ExpirationComplete = 'expiration:complete' }
        export enum Channels { Orders = 'orders' }
        export const ORDER_SHIP = 'order.ship';
        export const PAGE_SIZE = 'twenty';
      `,
      '/events.ts': `
        import { Subjects, ORDER_SHIP } from './subjects';
        export interface ExpirationCompleteEvent { subject: Subjects.ExpirationComplete; data: { orderId: string } }
        export type OrderShipEvent = { type: typeof ORDER_SHIP; data: { id: string }; id: string };
        export interface Page { size: string }
      `,
    });
    expect(eventNamesDeclaredIn(program, '/subjects.ts')).toEqual(['ExpirationComplete', 'ORDER_SHIP']);
  });

  it('takes every member when a base event type is typed by the whole enum', () => {
    const program = programOf({
      '/subjects.ts': `export enum Subjects { SeatHeld = 'seat:held', SeatRelease = 'seat:release' }`,
      '/base.ts': `import { Subjects } from './subjects'; export interface Event { subject: Subjects; data: unknown }`,
    });
    expect(eventNamesDeclaredIn(program, '/subjects.ts')).toEqual(['SeatHeld', 'SeatRelease']);
  });

  it('ignores commands, records that are not event types, and fields that do not carry a name', () => {
    const program = programOf({
      '/kinds.ts': `export enum Kinds { Reserve = 'reserve', Pending = 'pending' }`,
      '/types.ts': `
        import { Kinds } from './kinds';
        export interface ReserveSeatCommand { type: Kinds.Reserve; data: { seat: string }; id: string }
        export interface Seat { type: Kinds.Pending; label: string }
        export interface SeatEvent { status: Kinds.Pending; data: unknown }
      `,
    });
    expect(eventNamesDeclaredIn(program, '/kinds.ts')).toEqual([]);
  });
});
