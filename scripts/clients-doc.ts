/**
 * The "recognised clients" lists, generated from the catalogue: `docs/clients.md` in full and a
 * summary between markers in the README. `npm run docs` writes them; a test fails when they are stale.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { allCatalogues, brokerCatalogues, databaseCatalogues, sideEffectCatalogues, type ClientCatalogue, type MethodEntry } from '../src/semantics/catalogue/index.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const clientsDocPath = path.join(repoRoot, 'docs', 'clients.md');
export const readmePath = path.join(repoRoot, 'README.md');
const start = '<!-- clients:start (generated from the catalogue by `npm run docs`) -->';
const end = '<!-- clients:end -->';

function methodRoles(entry: MethodEntry): string[] {
  const calls = entry.methods.map((m) => `\`${m}\``).join(', ');
  const on = entry.owners === undefined ? (entry.ownerSuffix === undefined ? '' : ` on \`*${entry.ownerSuffix}\``) : ` on \`${entry.owners.join('`/`')}\``;
  switch (entry.role) {
    case 'publish':
      return [`${entry.jobQueue === true ? 'enqueue' : 'publish'}${entry.expectsReply === true ? ' (waits for a reply)' : ''}: ${calls}${on}`];
    case 'write':
      return [`write: ${calls}${on}`];
    case 'sql':
      return [`SQL text: ${calls}${on}`];
    case 'tx-scope':
    case 'tx-begin':
    case 'tx-commit':
    case 'tx-rollback':
      return [`transaction: ${calls}${on}`];
    case 'kv':
      return [`keys (dedupe guards): ${calls}${on}`];
    case 'effect':
      return [`effect (${entry.what ?? 'a side effect'}): ${calls}${on}`];
    case 'receive':
      return [`polling receive: ${calls}${on}`];
    case 'read':
      return [`read: ${calls}${on}`];
    default:
      return [`${entry.role}: ${calls}${on}`];
  }
}

function rolesOf(client: ClientCatalogue): string[] {
  const roles = (client.methods ?? []).flatMap(methodRoles);
  for (const command of client.commands ?? []) roles.push(`${command.role === 'effect' ? `effect (${command.what ?? 'a side effect'})` : command.role}: ${command.commands.map((c) => `\`${c}\``).join(', ')}`);
  for (const callable of client.callables ?? []) roles.push(`tagged SQL templates (the client is the function, \`${callable.owners.join('`/`')}\`)`);
  for (const decorator of client.transactionDecorators ?? []) roles.push(`transaction decorator: ${decorator.decorators.map((d) => `\`@${d}()\``).join(', ')}`);
  const consumers = client.consumers;
  if (consumers !== undefined) {
    for (const r of consumers.registrations ?? []) {
      const where = r.handler.kind === 'listener' ? `\`'${r.handler.event}'\` listener` : r.handler.properties === undefined ? 'handler argument' : r.handler.properties.map((p) => `\`${p}\``).join(', ');
      roles.push(`consumer: ${r.methods.map((m) => `\`${m}\``).join(', ')} (${where})`);
    }
    for (const c of consumers.constructors ?? []) roles.push(`consumer: \`new ${c.classes.join('`/`new ')}\`${c.handlerProperties === undefined ? '' : ` (${c.handlerProperties.map((p) => `\`${p}\``).join(', ')})`}`);
    for (const d of consumers.decorators ?? []) roles.push(`consumer: ${d.decorators.map((name) => `\`@${name}()\``).join(', ')}`);
    for (const e of consumers.eventTypes ?? []) roles.push(`consumer by event type: ${e.types.map((t) => `\`${t}\``).join(', ')}`);
    for (const i of consumers.iterables ?? []) roles.push(`consumer loop: \`for await\` over ${i.types.map((t) => `\`${t}\``).join(', ')}`);
    const positions = (consumers.positionFields ?? []).flatMap((p) => p.fields);
    if (positions.length > 0) roles.push(`broker positions (not identities): ${[...new Set(positions)].map((f) => `\`${f}\``).join(', ')}`);
    const messages = (consumers.messageTypes ?? []).flatMap((m) => m.types);
    if (messages.length > 0) roles.push(`handlers by message type: ${messages.map((t) => `\`${t}\``).join(', ')}`);
  }
  return roles;
}

function systemsOf(client: ClientCatalogue): string[] {
  const systems = [
    ...(client.methods ?? []).map((e) => e.system),
    ...(client.commands ?? []).map((e) => e.system),
    ...(client.callables ?? []).map((e) => e.system),
    ...Object.values(client.consumers ?? {}).flatMap((entries: readonly { readonly system: string }[]) => entries.map((e) => e.system)),
  ];
  return [...new Set(systems)];
}

export function renderClientsDoc(): string {
  const section = (title: string, catalogues: readonly ClientCatalogue[]): string =>
    [`## ${title}`, '', ...catalogues.flatMap((c) => [`### ${c.client}`, '', `System: ${systemsOf(c).join(', ')}.`, '', ...rolesOf(c).map((r) => `- ${r}`), ''])].join('\n');
  const others = allCatalogues.filter((c) => !brokerCatalogues.includes(c) && !databaseCatalogues.includes(c) && !sideEffectCatalogues.includes(c));
  return [
    '# Recognised clients',
    '',
    '<!-- Generated from src/semantics/catalogue/ by `npm run docs`; do not edit by hand. -->',
    '',
    'A call is recognised by the declaration the TypeScript checker resolves it to: the package that',
    'declares it, the declaring class or interface, and the method. So a wrapper, a re-export or a',
    'renamed import is still recognised, and a method of the same name on another type is not. To',
    'add a client, see [contributing.md](contributing.md).',
    '',
    section('Brokers and job queues', brokerCatalogues),
    section('Databases', databaseCatalogues),
    section('Side effects a redelivery repeats', sideEffectCatalogues),
    section('Other', others),
  ].join('\n').trimEnd() + '\n';
}

export function renderReadmeList(): string {
  const line = (catalogues: readonly ClientCatalogue[]): string => catalogues.map((c) => `\`${c.client}\``).join(', ');
  return [
    start,
    `- **Brokers and job queues:** ${line(brokerCatalogues)}`,
    `- **Databases:** ${line(databaseCatalogues)}`,
    `- **Side effects:** ${line(sideEffectCatalogues)}`,
    '',
    'Each client\'s recognised calls and roles: [docs/clients.md](docs/clients.md).',
    end,
  ].join('\n');
}

/** The README with its generated list replaced; undefined when the markers are missing. */
export function readmeWithList(readme: string): string | undefined {
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from === -1 || to === -1 || to < from) return undefined;
  return readme.slice(0, from) + renderReadmeList() + readme.slice(to + end.length);
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  fs.writeFileSync(clientsDocPath, renderClientsDoc());
  const readme = fs.readFileSync(readmePath, 'utf8');
  const updated = readmeWithList(readme);
  if (updated === undefined) throw new Error(`README.md has no ${start} … ${end} markers`);
  fs.writeFileSync(readmePath, updated);
  console.log('wrote docs/clients.md and the client list in README.md');
}
