import { and, eq, lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { notifications } from "@/db/schema";
import { nowMs } from "../clock";

const MAX_EMAIL_ATTEMPTS = 5;
type Mailer = { sendMail(message: Record<string, unknown>): Promise<unknown> };
let mailer: Mailer | null = null;

async function getMailer(): Promise<Mailer | null> {
  if (!process.env.SMTP_URL) return null;
  if (!mailer) {
    const nodemailer = await import("nodemailer");
    mailer = nodemailer.createTransport(process.env.SMTP_URL) as unknown as Mailer;
  }
  return mailer;
}

/** Sends queued emails through SMTP (when SMTP_URL is set). Returns how many were sent. */
export async function sendQueuedEmails(db: Db, limit = 20): Promise<number> {
  const transport = await getMailer();
  if (!transport) return 0;
  const queued = db
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.status, "queued"),
        eq(notifications.channel, "email"),
        lt(notifications.attempts, MAX_EMAIL_ATTEMPTS),
      ),
    )
    .limit(limit)
    .all();
  let sent = 0;
  for (const n of queued) {
    try {
      await transport.sendMail({
        from: process.env.MAIL_FROM ?? "Forecourt <no-reply@forecourt.local>",
        to: n.to,
        subject: n.subject ?? "Forecourt",
        text: n.body,
      });
      db.update(notifications)
        .set({ status: "sent", sentAt: new Date(nowMs()), attempts: n.attempts + 1, error: null })
        .where(eq(notifications.id, n.id))
        .run();
      sent++;
    } catch (e) {
      const attempts = n.attempts + 1;
      db.update(notifications)
        .set({
          attempts,
          status: attempts >= MAX_EMAIL_ATTEMPTS ? "failed" : "queued",
          error: e instanceof Error ? e.message.slice(0, 500) : "send failed",
        })
        .where(eq(notifications.id, n.id))
        .run();
    }
  }
  return sent;
}
