import type { Params } from "./params.ts";

export interface CallContext {
  /** Aborted when the client goes away (matters for long polls). */
  signal: AbortSignal;
}

export type MethodHandler = (params: Params, context: CallContext) => unknown;

export type MethodTable = Record<string, MethodHandler>;
