import ts from 'typescript';
import { nestClientRegistrations, nestDefaultTransport, nestMicroservicesPackage, nestServerBootstraps } from '../catalogue/request-reply.js';
import { ownerNameOf, packageOfDeclaration } from '../declarations.js';
import { calleeNameOf } from '../resolve-call/index.js';
import { returnedExpressions, skipOuter } from '../ts-nodes.js';
import { constInitializerOf, maxHops, maxWalk, resolvedSymbol, signatureDeclarationOf, type ProjectIndex, type RequestReplyContext } from './context.js';
import { functionOf, guarded, objectProperty } from './syntax.js';
import { clientCreationVerdict, mergeVerdicts, optionsVerdict, tokenKeyOf, unknownTransport, verdictOfMembers } from './transports.js';
import type { TransportVerdict } from './types.js';

/** The NestJS clients a program registers and the microservice servers it starts, read once per program. */

type Register = (token: ts.Expression | undefined, verdict: TransportVerdict) => void;

export function projectIndexOf(context: RequestReplyContext): ProjectIndex {
  context.projectIndex ??= buildProjectIndex(context);
  return context.projectIndex;
}

function buildProjectIndex(context: RequestReplyContext): ProjectIndex {
  const { program, checker } = context;
  const registrations = new Map<string, TransportVerdict[]>();
  const servers: TransportVerdict[] = [];
  const register: Register = (token, verdict) => {
    const key = token === undefined ? undefined : tokenKeyOf(checker, token, 0);
    if (key === undefined) return;
    const list = registrations.get(key);
    if (list === undefined) registrations.set(key, [verdict]);
    else list.push(verdict);
  };
  for (const file of program.getSourceFiles()) {
    if (file.isDeclarationFile || program.isSourceFileFromExternalLibrary(file)) continue;
    const text = file.text;
    const mayRegister = text.includes('ClientsModule') || text.includes('provide');
    const mayServe = text.includes('createMicroservice') || text.includes('connectMicroservice');
    if (!mayRegister && !mayServe) continue;
    let budget = maxWalk * 5;
    const visit = (node: ts.Node): void => {
      if (budget-- <= 0) return;
      if (ts.isCallExpression(node)) {
        if (mayRegister) guarded(() => { collectClientsModule(checker, node, register); });
        if (mayServe) {
          const server = guarded(() => serverVerdictOf(checker, node));
          if (server !== undefined) servers.push(server);
        }
      } else if (mayRegister && ts.isObjectLiteralExpression(node)) {
        guarded(() => { collectCustomProvider(checker, node, register); });
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return { registrations, servers };
}

/** `ClientsModule.register([{ name: 'ORDERS', transport: Transport.KAFKA }])` and `registerAsync([{ name, useFactory }])`. */
function collectClientsModule(checker: ts.TypeChecker, call: ts.CallExpression, register: Register): void {
  const method = calleeNameOf(call);
  if (method === undefined || !nestClientRegistrations.some((r) => r.methods.includes(method))) return;
  const declaration = signatureDeclarationOf(checker, call);
  const owner = declaration === undefined ? undefined : ownerNameOf(declaration);
  if (declaration === undefined || packageOfDeclaration(declaration) !== nestMicroservicesPackage || !nestClientRegistrations.some((r) => r.owner === owner)) return;
  const argument = call.arguments[0];
  if (argument === undefined) return;
  for (const entry of registrationEntries(checker, argument, 0)) {
    const name = objectProperty(entry, 'name');
    if (method === 'register') {
      register(name, optionsVerdict(checker, entry, 0));
    } else {
      register(name, asyncOptionsVerdict(checker, entry));
    }
  }
}

function registrationEntries(checker: ts.TypeChecker, argument: ts.Expression, hops: number): ts.ObjectLiteralExpression[] {
  const node = skipOuter(argument);
  if (ts.isIdentifier(node) && hops < maxHops) {
    const initializer = constInitializerOf(checker, node);
    return initializer === undefined ? [] : registrationEntries(checker, initializer, hops + 1);
  }
  if (ts.isArrayLiteralExpression(node)) {
    return node.elements.flatMap((element) => {
      const entry = skipOuter(element);
      if (ts.isObjectLiteralExpression(entry)) return [entry];
      const initializer = ts.isIdentifier(entry) ? constInitializerOf(checker, entry) : undefined;
      return initializer !== undefined && ts.isObjectLiteralExpression(skipOuter(initializer)) ? [skipOuter(initializer) as ts.ObjectLiteralExpression] : [];
    });
  }
  if (ts.isObjectLiteralExpression(node)) {
    const clients = objectProperty(node, 'clients');
    return clients === undefined ? [] : registrationEntries(checker, clients, hops + 1);
  }
  return [];
}

/** `registerAsync`: the options `useFactory` returns, or `createClientOptions()` of `useClass`/`useExisting`. */
function asyncOptionsVerdict(checker: ts.TypeChecker, entry: ts.ObjectLiteralExpression): TransportVerdict {
  const factory = objectProperty(entry, 'useFactory');
  const functionNode = factory === undefined ? undefined : functionOf(factory);
  if (functionNode !== undefined) return mergeVerdicts(returnedExpressions(functionNode).map((e) => optionsVerdict(checker, e, 0)));
  const useClass = objectProperty(entry, 'useClass') ?? objectProperty(entry, 'useExisting');
  const cls = useClass === undefined ? undefined : resolvedSymbol(checker, useClass)?.declarations?.find((d): d is ts.ClassLikeDeclaration => ts.isClassLike(d));
  const method = cls?.members.find((m): m is ts.MethodDeclaration => ts.isMethodDeclaration(m) && m.name.getText() === 'createClientOptions');
  if (method !== undefined) return mergeVerdicts(returnedExpressions(method).map((e) => optionsVerdict(checker, e, 0)));
  return unknownTransport('its options are produced at run time');
}

/** `{ provide: 'ORDERS', useFactory: () => ClientProxyFactory.create({ transport }) }` and `useValue: …`. */
function collectCustomProvider(checker: ts.TypeChecker, object: ts.ObjectLiteralExpression, register: Register): void {
  const token = objectProperty(object, 'provide');
  if (token === undefined) return;
  const value = objectProperty(object, 'useValue');
  const factory = objectProperty(object, 'useFactory');
  const functionNode = factory === undefined ? undefined : functionOf(factory);
  const created = [...(value === undefined ? [] : [value]), ...(functionNode === undefined ? [] : returnedExpressions(functionNode))];
  const verdicts = created.flatMap((expression) => {
    const node = skipOuter(expression);
    const verdict = ts.isCallExpression(node) || ts.isNewExpression(node) ? clientCreationVerdict(checker, node) : undefined;
    return verdict === undefined ? [] : [verdict];
  });
  if (verdicts.length > 0) register(token, mergeVerdicts(verdicts));
}

/** `NestFactory.createMicroservice(AppModule, { transport })`, `app.connectMicroservice({ transport })`. */
function serverVerdictOf(checker: ts.TypeChecker, call: ts.CallExpression): TransportVerdict | undefined {
  const name = calleeNameOf(call);
  const bootstrap = nestServerBootstraps.find((b) => b.method === name);
  if (bootstrap === undefined) return undefined;
  const declaration = signatureDeclarationOf(checker, call);
  if (declaration === undefined) return undefined;
  const pkg = packageOfDeclaration(declaration);
  const owner = ownerNameOf(declaration);
  if (pkg === undefined || !bootstrap.packages.includes(pkg) || owner === undefined || !bootstrap.owners.includes(owner)) return undefined;
  const options = call.arguments[bootstrap.optionsIndex];
  return options === undefined ? verdictOfMembers([nestDefaultTransport]) : optionsVerdict(checker, options, 0);
}
