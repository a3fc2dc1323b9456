import { describe, expect, it } from "vitest";
import { newId, newPublicToken, randomBase62 } from "./ids";

describe("ids", () => {
  it("makes prefixed base62 ids that do not repeat, across pool refills", () => {
    const ids = Array.from({ length: 5_000 }, () => newId("evt"));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids.slice(0, 50)) expect(id).toMatch(/^evt_[0-9A-Za-z]{20}$/);
  });

  it("sorts newer ids after older ones", async () => {
    const first = newId("evt");
    await new Promise((r) => setTimeout(r, 5));
    const second = newId("evt");
    expect(first < second).toBe(true);
    expect(first.slice(0, 8) <= second.slice(0, 8)).toBe(true);
  });

  it("makes 192-bit public tokens in base64url", () => {
    const tokens = Array.from({ length: 1_000 }, newPublicToken);
    expect(new Set(tokens).size).toBe(tokens.length);
    for (const t of tokens.slice(0, 50)) expect(t).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it("spreads characters over the whole alphabet", () => {
    const seen = new Set(randomBase62(20_000));
    expect(seen.size).toBe(62);
  });
});
