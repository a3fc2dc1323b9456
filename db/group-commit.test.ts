import fs from "node:fs";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { dealers } from "@/db/schema";
import { useTempDatabase } from "@/lib/testing/harness";
import { waitUntilDurable, withGroupCommit } from "./group-commit";

let env: ReturnType<typeof useTempDatabase>;
beforeAll(() => {
  env = useTempDatabase();
});
afterAll(() => env.cleanup());

const insertDealer = (slug: string, fail = false) =>
  withGroupCommit(async () => {
    const db = getDb();
    try {
      db.transaction((tx) => {
        tx.insert(dealers)
          .values({ id: `dlr_${slug}`, slug, name: slug, city: "X", state: "VA" })
          .run();
        if (fail) throw new Error("rule broken");
      });
    } catch {
      // The failing request's own work is rolled back; the others' is not.
    }
    await waitUntilDurable(db);
  });

describe("group commit", () => {
  it("commits concurrent requests once, keeping each request's failure to itself", async () => {
    const db = getDb();
    const execs: string[] = [];
    const exec = db.$client.exec.bind(db.$client);
    db.$client.exec = ((sql: string) => {
      execs.push(sql);
      return exec(sql);
    }) as typeof db.$client.exec;
    await Promise.all([insertDealer("a"), insertDealer("b", true), insertDealer("c")]);
    db.$client.exec = exec;
    expect(execs).toEqual(["BEGIN IMMEDIATE", "COMMIT"]);
    expect(db.$client.inTransaction).toBe(false);
    const slugs = db
      .select({ slug: dealers.slug })
      .from(dealers)
      .all()
      .map((d) => d.slug)
      .sort();
    expect(slugs).toEqual(["a", "c"]);
  });

  it("work outside a request commits on its own, flushing an open batch first", async () => {
    const db = getDb();
    const pending = withGroupCommit(async () => {
      db.transaction((tx) =>
        tx.insert(dealers).values({ id: "dlr_d", slug: "d", name: "d", city: "X", state: "VA" }).run(),
      );
      await waitUntilDurable(db);
    });
    db.transaction((tx) => tx.update(dealers).set({ name: "D" }).where(eq(dealers.slug, "d")).run());
    expect(db.$client.inTransaction).toBe(false);
    await pending;
    expect(db.select().from(dealers).where(eq(dealers.slug, "d")).get()?.name).toBe("D");
  });

  it("rolls back a failed nested transaction inside a request, keeping the rest", async () => {
    const db = getDb();
    await withGroupCommit(async () => {
      db.transaction((tx) => {
        tx.insert(dealers).values({ id: "dlr_e", slug: "e", name: "e", city: "X", state: "VA" }).run();
        try {
          tx.transaction((inner) => {
            inner.insert(dealers).values({ id: "dlr_f", slug: "f", name: "f", city: "X", state: "VA" }).run();
            throw new Error("inner rule broken");
          });
        } catch {}
      });
      await waitUntilDurable(db);
    });
    const slugs = db
      .select({ slug: dealers.slug })
      .from(dealers)
      .all()
      .map((d) => d.slug);
    expect(slugs).toContain("e");
    expect(slugs).not.toContain("f");
  });

  it("answers only after the WAL flush, and reads made meanwhile wait for it too", async () => {
    const db = getDb();
    const pending: (() => void)[] = [];
    const spy = vi.spyOn(fs, "fdatasync").mockImplementation(((
      _fd: number,
      cb: (e: Error | null) => void,
    ) => {
      pending.push(() => cb(null));
    }) as typeof fs.fdatasync);
    try {
      let written = false;
      const writer = withGroupCommit(async () => {
        db.transaction((tx) =>
          tx.insert(dealers).values({ id: "dlr_g", slug: "g", name: "g", city: "X", state: "VA" }).run(),
        );
        await waitUntilDurable(db);
        written = true;
      });
      await new Promise((r) => setTimeout(r, 20));
      // Committed (visible) but not yet flushed: nobody has heard back.
      expect(db.$client.inTransaction).toBe(false);
      expect(pending).toHaveLength(1);
      expect(written).toBe(false);
      let readDone = false;
      const reader = waitUntilDurable(db).then(() => {
        readDone = true;
      });
      await new Promise((r) => setTimeout(r, 20));
      expect(readDone).toBe(false);
      // The batch committed at NORMAL; everything else still commits at FULL (2).
      expect(db.$client.pragma("synchronous", { simple: true })).toBe(2);
      pending[0]();
      await Promise.all([writer, reader]);
      expect(written && readDone).toBe(true);
    } finally {
      spy.mockRestore();
    }
  });
});
