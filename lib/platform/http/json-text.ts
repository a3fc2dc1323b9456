/** A response body that is already JSON text (from a read pool worker): sent as is. */
export class JsonText {
  constructor(readonly text: string) {}
}

export const toJsonText = (body: unknown): string =>
  body instanceof JsonText ? body.text : JSON.stringify(body);
