import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type User, users } from "@/db/schema";
import { type Actor, dealerOf, type Role, requireRole, type UserActor } from "../actor";
import { hashPassword, verifyPassword } from "../auth/password";
import { endUserSessions } from "../auth/sessions";
import { nowMs } from "../clock";
import { conflict, invalid, notFound } from "../errors";
import { newId } from "../ids";
import { parseInput } from "../validation";
import { changePasswordSchema, createUserSchema } from "./schema";

export interface UserDto {
  id: string;
  email: string;
  name: string;
  role: Role;
  dealerId: string | null;
  disabled: boolean;
  createdAt: string;
}

const toUserDto = (u: User): UserDto => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  dealerId: u.dealerId,
  disabled: Boolean(u.disabledAt),
  createdAt: u.createdAt.toISOString(),
});

/** Low-level insert shared by Settings and the CLI; the callers decide who may do it. */
export async function insertUser(
  db: Db,
  input: { email: string; name: string; role: Role; password: string; dealerId: string | null },
): Promise<UserDto> {
  const email = input.email.trim().toLowerCase();
  if (db.select({ id: users.id }).from(users).where(eq(users.email, email)).get()) {
    throw conflict("A user with this email already exists.", "email_taken", "email");
  }
  if (input.role !== "ops" && !input.dealerId)
    throw invalid("dealer", "Admins and staff belong to a dealer.");
  if (input.role === "ops" && input.dealerId) throw invalid("dealer", "Ops users are not bound to a dealer.");
  const row = db
    .insert(users)
    .values({
      id: newId("usr"),
      dealerId: input.dealerId,
      email,
      name: input.name,
      role: input.role,
      passwordHash: await hashPassword(input.password),
    })
    .returning()
    .get();
  return toUserDto(row);
}

export async function createUser(db: Db, actor: Actor, input: unknown): Promise<UserDto> {
  requireRole(actor, "admin");
  const dealerId = dealerOf(actor);
  const data = parseInput(createUserSchema, input);
  return insertUser(db, { ...data, dealerId });
}

export function listUsers(db: Db, actor: Actor): UserDto[] {
  requireRole(actor, "admin");
  const dealerId = dealerOf(actor);
  return db
    .select()
    .from(users)
    .where(eq(users.dealerId, dealerId))
    .orderBy(asc(users.name))
    .all()
    .map(toUserDto);
}

/** Disabling ends every session of that user at once; admins cannot lock themselves out. */
export function setUserDisabled(db: Db, actor: Actor, userId: string, disabled: boolean): UserDto {
  requireRole(actor, "admin");
  const dealerId = dealerOf(actor);
  if (actor.kind === "user" && actor.userId === userId && disabled) {
    throw conflict("You cannot disable your own account.", "cannot_disable_self");
  }
  return db.transaction(
    (tx) => {
      const row = tx
        .update(users)
        .set({ disabledAt: disabled ? new Date(nowMs()) : null })
        .where(and(eq(users.id, userId), eq(users.dealerId, dealerId)))
        .returning()
        .get();
      if (!row) throw notFound("user");
      if (disabled) endUserSessions(tx, userId);
      return toUserDto(row);
    },
    { behavior: "immediate" },
  );
}

/** Changing a password ends the user's other sessions; the one making the change stays signed in. */
export async function changeOwnPassword(db: Db, actor: UserActor, input: unknown): Promise<void> {
  const data = parseInput(changePasswordSchema, input);
  const user = db.select().from(users).where(eq(users.id, actor.userId)).get();
  if (!user) throw notFound("user");
  if (!(await verifyPassword(user.passwordHash, data.currentPassword))) {
    throw invalid("currentPassword", "The current password is not right.");
  }
  const passwordHash = await hashPassword(data.newPassword);
  db.transaction(
    (tx) => {
      tx.update(users)
        .set({ passwordHash, passwordChangedAt: new Date(nowMs()) })
        .where(eq(users.id, user.id))
        .run();
      endUserSessions(tx, user.id, actor.sessionId);
    },
    { behavior: "immediate" },
  );
}
