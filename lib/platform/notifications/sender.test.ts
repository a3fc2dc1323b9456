import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { notifications } from "@/db/schema";
import { makeDealer, useTempDatabase } from "@/lib/testing/harness";
import { enqueueNotifications } from "./enqueue";
import { sendQueuedEmails } from "./sender";

interface Received {
  to: string[];
  data: string;
}

let env: ReturnType<typeof useTempDatabase>;
let server: SMTPServer;
const received: Received[] = [];

beforeAll(async () => {
  env = useTempDatabase();
  // A local SMTP server stands in for the mail provider.
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      let data = "";
      stream.on("data", (c: Buffer) => {
        data += c.toString("utf8");
      });
      stream.on("end", () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), data });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  env.cleanup();
});

describe("email through SMTP", () => {
  it("sends queued emails when SMTP_URL is set and marks them sent; SMS stays unsent", async () => {
    const dealerId = makeDealer("alpha").id;
    enqueueNotifications(getDb(), dealerId, [
      { channel: "email", to: "pat@example.test", subject: "Your order is complete", body: "All done." },
      { channel: "sms", to: "+18045550100", body: "Your loaner is on the way." },
    ]);
    expect(await sendQueuedEmails(getDb())).toBe(1);
    expect(received).toHaveLength(1);
    expect(received[0].to).toEqual(["pat@example.test"]);
    expect(received[0].data).toContain("Subject: Your order is complete");
    const rows = getDb().select().from(notifications).where(eq(notifications.dealerId, dealerId)).all();
    expect(rows.find((r) => r.channel === "email")).toMatchObject({ status: "sent", attempts: 1 });
    expect(rows.find((r) => r.channel === "sms")?.status).toBe("not_sent");
    expect(await sendQueuedEmails(getDb())).toBe(0);
  });
});
