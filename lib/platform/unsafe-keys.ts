/**
 * Property names that reach Object.prototype when an object is built from user-supplied keys:
 * `a.__proto__.x = 1` or `a.constructor.prototype.x = 1` would set `x` on every object in the
 * process. Code that turns field names into object paths refuses them.
 */
const UNSAFE_KEYS = new Set(["__proto__", "constructor", "prototype"]);

export const isUnsafeKey = (key: string): boolean => UNSAFE_KEYS.has(key);

/**
 * The dotted path of the first own `__proto__` key in parsed JSON, or null. JSON.parse keeps such
 * a key as plain data, but zod drops it without a word, so a request would "succeed" while part
 * of it vanished: callers answer 400 instead. Iterative, so deeply nested input cannot overflow
 * the stack.
 */
export function protoKeyPath(value: unknown): string | null {
  const stack: { node: unknown; path: string[] }[] = [{ node: value, path: [] }];
  while (stack.length) {
    const { node, path } = stack.pop()!;
    if (node === null || typeof node !== "object") continue;
    if (Array.isArray(node)) {
      node.forEach((child, i) => {
        stack.push({ node: child, path: [...path, String(i)] });
      });
      continue;
    }
    if (Object.hasOwn(node, "__proto__")) return [...path, "__proto__"].join(".");
    for (const [key, child] of Object.entries(node)) stack.push({ node: child, path: [...path, key] });
  }
  return null;
}
