const decoder = new TextDecoder();

/**
 * A response body that is already JSON (from a read pool worker), sent as is. Workers hand over
 * UTF-8 bytes, so the event loop neither serializes nor encodes the answer.
 */
export class JsonText {
  constructor(readonly body: string | Uint8Array<ArrayBuffer>) {}

  get text(): string {
    return typeof this.body === "string" ? this.body : decoder.decode(this.body);
  }
}

/** What goes on the wire for a handler's result. */
export const toJsonBody = (result: unknown): string | Uint8Array<ArrayBuffer> =>
  result instanceof JsonText ? result.body : JSON.stringify(result);

export const toJsonText = (result: unknown): string =>
  result instanceof JsonText ? result.text : JSON.stringify(result);
