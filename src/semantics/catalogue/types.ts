import type { RoleKind } from '../roles.js';

/** A role a catalogue entry assigns; `sql` means "classify the SQL text of the first argument". */
export type EntryRole = RoleKind | 'sql';

/**
 * A library method with a role. Matched on the declaration the checker resolves a call to:
 * the exact npm package of the declaring file, the name of the declaring class, interface or
 * type alias (`owners`), and the method name.
 */
export interface MethodEntry {
  readonly packages: readonly string[];
  /** Declaring type names; omitted means any owner in the package (or a module-level function). */
  readonly owners?: readonly string[];
  /** Matches any owner whose name ends with this (generated Prisma delegates: `OrderDelegate`). */
  readonly ownerSuffix?: string;
  readonly methods: readonly string[];
  readonly role: EntryRole;
  readonly system: string;
  /** tx-scope: index of the callback argument; -1 means the last argument. */
  readonly callbackIndex?: number;
}

/**
 * AWS SDK v3 style: one generic `client.send(command)`; the command class says what it does.
 * Matched on the class of the first argument and the package that declares it.
 */
export interface CommandEntry {
  readonly packages: readonly string[];
  readonly commands: readonly string[];
  readonly role: RoleKind;
  readonly system: string;
}

/** One client library's catalogue. */
export interface ClientCatalogue {
  /** Package names as users install them (for docs and for the declaration drift test). */
  readonly client: string;
  readonly methods?: readonly MethodEntry[];
  readonly commands?: readonly CommandEntry[];
}
