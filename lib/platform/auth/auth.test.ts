import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { makeDealer, makeUser, useTempDatabase } from "@/lib/testing/harness";
import { testClock } from "../clock";
import { changeOwnPassword, setUserDisabled } from "../identity/users";
import { MAX_FAILED_LOGINS } from "./rate-limit";
import { createSession, endSession, findLiveSession } from "./sessions";
import { authenticateWithPassword } from "./sign-in";

let env: ReturnType<typeof useTempDatabase>;
let dealerId: string;
beforeAll(() => {
  env = useTempDatabase();
  dealerId = makeDealer("alpha").id;
});
afterAll(() => env.cleanup());
afterEach(() => testClock.reset());

const signIn = (email: string, password: string, ip = "10.0.0.1") =>
  authenticateWithPassword(getDb(), { email, password, ip });

describe("password sign-in", () => {
  it("signs in with the right password and creates a live session", async () => {
    const { user, password } = await makeUser(dealerId, "staff");
    const result = await signIn(user.email.toUpperCase(), password);
    expect(result.ok).toBe(true);
    if (result.ok) expect(findLiveSession(getDb(), result.sessionId)?.user.id).toBe(user.id);
  });

  it("answers the same for an unknown account, a wrong password and a disabled account", async () => {
    const { user, password, actor } = await makeUser(dealerId, "staff");
    const { actor: admin } = await makeUser(dealerId, "admin");
    const unknown = await signIn("nobody@example.test", "whatever-password", "10.0.0.2");
    const wrong = await signIn(user.email, "wrong-password", "10.0.0.2");
    setUserDisabled(getDb(), admin, actor.userId, true);
    const disabled = await signIn(user.email, password, "10.0.0.2");
    expect(unknown).toEqual({ ok: false, reason: "invalid_credentials" });
    expect(wrong).toEqual(unknown);
    expect(disabled).toEqual(unknown);
  });

  it("blocks an account after 10 failures in 15 minutes, with a retry time, then lets it in again", async () => {
    testClock.freeze(Date.parse("2026-05-01T10:00:00Z"));
    const { user, password } = await makeUser(dealerId, "staff");
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) {
      testClock.advance(1000);
      await signIn(user.email, "nope-nope-nope", `10.1.0.${i}`);
    }
    const blocked = await signIn(user.email, password, "10.9.9.9");
    expect(blocked).toMatchObject({ ok: false, reason: "rate_limited" });
    if (!blocked.ok && blocked.reason === "rate_limited") {
      expect(blocked.retryAfterSeconds).toBeGreaterThan(14 * 60);
      expect(blocked.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
    }
    testClock.advance(15 * 60 * 1000);
    expect((await signIn(user.email, password, "10.9.9.9")).ok).toBe(true);
  });

  it("blocks an IP address after 10 failures across accounts", async () => {
    testClock.freeze(Date.parse("2026-05-02T10:00:00Z"));
    const { user, password } = await makeUser(dealerId, "staff");
    for (let i = 0; i < MAX_FAILED_LOGINS; i++)
      await signIn(`ghost${i}@example.test`, "nope-nope-nope", "10.7.7.7");
    expect(await signIn(user.email, password, "10.7.7.7")).toMatchObject({ reason: "rate_limited" });
    expect((await signIn(user.email, password, "10.7.7.8")).ok).toBe(true);
  });
});

describe("ending sessions", () => {
  it("sign-out ends that session", async () => {
    const { user } = await makeUser(dealerId, "staff");
    const sid = createSession(getDb(), user.id, {});
    endSession(getDb(), sid);
    expect(findLiveSession(getDb(), sid)).toBeNull();
  });

  it("a password change ends the user's other sessions and keeps the current one", async () => {
    const { user, actor, password } = await makeUser(dealerId, "staff");
    const other = createSession(getDb(), user.id, {});
    await changeOwnPassword(getDb(), actor, {
      currentPassword: password,
      newPassword: "a-brand-new-password",
      confirmPassword: "a-brand-new-password",
    });
    expect(findLiveSession(getDb(), other)).toBeNull();
    expect(findLiveSession(getDb(), actor.sessionId)).not.toBeNull();
    expect((await signIn(user.email, "a-brand-new-password", "10.3.3.3")).ok).toBe(true);
  });

  it("a wrong current password changes nothing", async () => {
    const { actor, user, password } = await makeUser(dealerId, "staff");
    await expect(
      changeOwnPassword(getDb(), actor, {
        currentPassword: "wrong",
        newPassword: "another-password",
        confirmPassword: "another-password",
      }),
    ).rejects.toMatchObject({ param: "currentPassword" });
    expect((await signIn(user.email, password, "10.4.4.4")).ok).toBe(true);
  });

  it("disabling a user ends all of that user's sessions", async () => {
    const { user, actor } = await makeUser(dealerId, "staff");
    const { actor: admin } = await makeUser(dealerId, "admin");
    const second = createSession(getDb(), user.id, {});
    setUserDisabled(getDb(), admin, user.id, true);
    expect(findLiveSession(getDb(), actor.sessionId)).toBeNull();
    expect(findLiveSession(getDb(), second)).toBeNull();
  });
});
