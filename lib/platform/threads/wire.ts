import { AppError, type ErrorType, isAppError } from "../errors";

/** An error as it crosses from a worker thread: an AppError's fields, or a failure's details. */
export interface WireError {
  error?: {
    type: string;
    code: string;
    message: string;
    param?: string;
    status: number;
    issues: unknown[];
    headers?: Record<string, string>;
  };
  /** An unexpected failure (no AppError): its stack, for the main thread's log. */
  detail?: string;
}

export function toWireError(e: unknown): WireError {
  if (!isAppError(e)) return { detail: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  return {
    error: {
      type: e.type,
      code: e.code,
      message: e.message,
      param: e.param,
      status: e.status,
      issues: e.issues,
      headers: e.headers,
    },
  };
}

/** The same AppError on this side (so error shapes and idempotency are unchanged), or an Error. */
export function fromWireError(wire: WireError, name: string): Error {
  if (wire.error) {
    const { error } = wire;
    return new AppError({ ...error, type: error.type as ErrorType, issues: error.issues as [] });
  }
  return new Error(`${name}: ${wire.detail ?? "the worker failed"}`);
}
