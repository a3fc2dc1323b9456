import type { ZodError } from "zod";

export type ErrorType =
  | "invalid_request_error"
  | "authentication_error"
  | "permission_error"
  | "not_found"
  | "conflict"
  | "idempotency_error"
  | "rate_limit_error"
  | "api_error";

const STATUS: Record<ErrorType, number> = {
  invalid_request_error: 400,
  authentication_error: 401,
  permission_error: 403,
  not_found: 404,
  conflict: 409,
  idempotency_error: 422,
  rate_limit_error: 429,
  api_error: 500,
};

export interface FieldIssue {
  param: string;
  code: string;
  message: string;
}

/** An error meant for the caller: it carries the public error shape and HTTP status. */
export class AppError extends Error {
  readonly type: ErrorType;
  readonly code: string;
  readonly param?: string;
  readonly status: number;
  /** Every field problem, for forms that show a message next to each field. */
  readonly issues: FieldIssue[];
  readonly headers?: Record<string, string>;

  constructor(opts: {
    type: ErrorType;
    code: string;
    message: string;
    param?: string;
    status?: number;
    issues?: FieldIssue[];
    headers?: Record<string, string>;
  }) {
    super(opts.message);
    this.type = opts.type;
    this.code = opts.code;
    this.param = opts.param;
    this.status = opts.status ?? STATUS[opts.type];
    this.issues =
      opts.issues ?? (opts.param ? [{ param: opts.param, code: opts.code, message: opts.message }] : []);
    this.headers = opts.headers;
  }

  toJSON() {
    return {
      error: {
        type: this.type,
        code: this.code,
        message: this.message,
        ...(this.param ? { param: this.param } : {}),
      },
    };
  }
}

export const notFound = (what = "resource") =>
  new AppError({ type: "not_found", code: "resource_missing", message: `No such ${what}.` });

export const invalid = (param: string, message: string, code = "field_invalid") =>
  new AppError({ type: "invalid_request_error", code, message, param });

export const conflict = (message: string, code = "conflict", param?: string) =>
  new AppError({ type: "conflict", code, message, param });

export const forbidden = (message = "You are not allowed to do that.", code = "access_denied") =>
  new AppError({ type: "permission_error", code, message });

export const unauthenticated = (message = "Authentication required.") =>
  new AppError({ type: "authentication_error", code: "unauthenticated", message });

/** Dotted path (`customer_move.vehicle.make`, `items.0.code`) of a zod issue. */
function issuePath(path: readonly PropertyKey[]): string {
  return path.map(String).join(".");
}

/** Turns zod's issues into the public error: the first problem is the headline, all are kept. */
export function fromZodError(error: ZodError, prefix?: string): AppError {
  const issues: FieldIssue[] = error.issues.map((issue) => {
    const param = [prefix, issuePath(issue.path)].filter(Boolean).join(".");
    // An absent field fails as a wrong type, or for enums and literals as a wrong value.
    const missing =
      (issue.code === "invalid_type" || issue.code === "invalid_value") &&
      (issue as { input?: unknown }).input === undefined;
    const custom = (issue as { params?: { code?: string } }).params?.code;
    const code = missing ? "field_missing" : (custom ?? "field_invalid");
    const message = missing ? `${param || "value"} is required.` : issue.message;
    return { param, code, message };
  });
  const first = issues[0] ?? { param: "", code: "field_invalid", message: "Invalid request." };
  return new AppError({
    type: "invalid_request_error",
    code: first.code,
    message: first.message,
    param: first.param || undefined,
    issues,
  });
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
