import type ts from 'typescript';
import { perProgram } from '../per-program.js';
import { createRequestReplyContext } from './context.js';
import { correlatedWaitIn } from './correlated-waits.js';
import { nestRequestOf } from './nest-clients.js';
import { replyingEventHandlerOf, servedSystemsOf } from './replying-handlers.js';
import { guarded } from './syntax.js';
import type { RequestReply } from './types.js';

export type { CorrelatedWait, NestRequest, Publish, ReplyingEventHandler, RequestReply, TransportVerdict, WaitShape } from './types.js';
export { isCorrelationName } from './correlation-keys.js';

/** The request/reply analysis of a program, cached per program. */
export const getRequestReply: (program: ts.Program) => RequestReply = perProgram(createRequestReply);

/** The analyses share one context per program, so the project index is read once; a failure inside any of them degrades to "no finding". */
function createRequestReply(program: ts.Program): RequestReply {
  const context = createRequestReplyContext(program);
  return {
    nestRequestOf: (call) => guarded(() => nestRequestOf(context, call)),
    replyingEventHandlerOf: (method) => guarded(() => replyingEventHandlerOf(context, method)),
    servedSystemsOf: (call) => guarded(() => servedSystemsOf(context, call)),
    correlatedWaitIn: (unit, publishOf) => guarded(() => correlatedWaitIn(context, unit, publishOf)),
  };
}
