import { AsyncLocalStorage } from "node:async_hooks";

/**
 * What an API request carries implicitly through its async calls: the origin its links use and
 * whether its writes join group commit. One AsyncLocalStorage for both (each instance adds work
 * to every promise). Kept on globalThis because the bundler may load this module once per route.
 */
export interface RequestContext {
  origin?: string;
  groupCommit?: boolean;
}

const globalRef = globalThis as unknown as { __forecourtRequestContext?: AsyncLocalStorage<RequestContext> };
globalRef.__forecourtRequestContext ??= new AsyncLocalStorage<RequestContext>();
export const requestContext = globalRef.__forecourtRequestContext;

export function runInRequestContext<T>(ctx: RequestContext, fn: () => T): T {
  return requestContext.run({ ...requestContext.getStore(), ...ctx }, fn);
}
