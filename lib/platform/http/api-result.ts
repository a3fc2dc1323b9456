/** Returned by a handler to pick a status other than 200. */
export class ApiResult {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers?: Record<string, string>,
  ) {}
}
export const created = (body: unknown) => new ApiResult(201, body);

export function toApiResult(result: unknown): ApiResult {
  return result instanceof ApiResult ? result : new ApiResult(200, result);
}
