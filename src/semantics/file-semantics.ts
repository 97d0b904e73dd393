import type { TSESTree } from '@typescript-eslint/utils';
import type ts from 'typescript';
import type { Handler, PositionField } from './consumers/index.js';
import type { LibraryCall } from './resolve-call/index.js';
import type { Effect, EffectInterest } from './roles.js';
import type { EventDrivenSettings } from './settings.js';

/** What a rule asks of the semantic layer about the file it lints. */
export interface FileSemantics {
  readonly program: ts.Program;
  readonly checker: ts.TypeChecker;
  readonly settings: EventDrivenSettings;
  /**
   * Effects of a call or tagged template: a library role, or what a project function does. Pass
   * `publish` or `tx-scope` when only publishes or transaction callbacks matter: calls that
   * cannot have such a role are then ruled out by name, without asking the checker.
   */
  effectsOf(node: TSESTree.CallExpression | TSESTree.TaggedTemplateExpression, interest?: EffectInterest): readonly Effect[];
  /** Could this function (or the file, for `Program`) contain a publish, by the names it calls? */
  mayPublishIn(node: TSESTree.FunctionLike | TSESTree.Program): boolean;
  /**
   * Effects of running a function (its calls and inline callbacks). With an interest, only calls
   * that can lead to its roles are resolved (`publish`: does this function really publish?).
   */
  effectsOfFunction(node: TSESTree.FunctionLike, interest?: EffectInterest): readonly Effect[];
  /** The declarations a call invokes (symbol first; cached per program). */
  calleeDeclarationsOf(node: ts.CallExpression | ts.TaggedTemplateExpression): readonly ts.Declaration[];
  /** The library role of a call itself (not through project functions). */
  libraryCallOf(node: TSESTree.CallExpression | TSESTree.TaggedTemplateExpression): LibraryCall | undefined;
  /** Is this function a message handler of an at-least-once broker? */
  handlerOf(node: TSESTree.FunctionLike): Handler | undefined;
  /**
   * Does this code of a handler run for each message? Yes, except in a function that fetches its
   * own messages: there only the code after the receive (or inside the `for await` loop) does.
   */
  runsPerMessage(handler: Handler, node: TSESTree.Node): boolean;
  /** Does this member access or call read a broker position (`message.offset`)? */
  positionFieldOf(node: TSESTree.MemberExpression | TSESTree.CallExpression): PositionField | undefined;
  /** A method decorated to run in a transaction (`@Transactional()`): the system, if so. */
  transactionDecoratorOf(node: TSESTree.FunctionLike): { readonly system: string; readonly label: string } | undefined;
  /** Does the project class this class extends have a method that publishes (the abstract-publisher pattern)? */
  baseClassPublishes(node: TSESTree.ClassDeclaration | TSESTree.ClassExpression): boolean;
  /** Can a broker failure of this publishing call reach its caller as a rejection (not caught and logged inside a wrapper)? */
  publishFailureEscapes(node: TSESTree.CallExpression): boolean;
  /** Is the call's value a promise (someone must wait for it)? Asks the checker: call it after cheaper checks. */
  returnsPromise(node: TSESTree.CallExpression): boolean;
  tsNodeOf(node: TSESTree.Node): ts.Node;
  /** The ESTree node of a TypeScript node of this file, if it has one. */
  esNodeOf(node: ts.Node): TSESTree.Node | undefined;
}
