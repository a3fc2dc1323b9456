import { z } from "zod";
import { MIN_PASSWORD_LENGTH } from "../auth/password";

export const roleSchema = z.enum(["admin", "staff", "ops"]);

export const emailSchema = z.string().trim().toLowerCase().email("Enter a valid email address.").max(200);
export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`)
  .max(200, "Use at most 200 characters.");

export const createUserSchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(1, "Enter a name.").max(100),
  role: z.enum(["admin", "staff"], { message: "Choose admin or staff." }),
  password: passwordSchema,
});

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password."),
    newPassword: passwordSchema,
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    message: "The passwords do not match.",
    path: ["confirmPassword"],
  });

/** Known resources; `*` grants all, `<resource>.*` every verb on one. */
export const API_RESOURCES = [
  "webhooks",
  "events",
  "service_orders",
  "quotes",
  "deals",
  "moves",
  "parts",
  "parts_orders",
  "customers",
  "checkout_carts",
  "products",
  "placed_orders",
] as const;

const scopePattern = new RegExp(`^(\\*|(${API_RESOURCES.join("|")}|\\*)\\.(read|write|\\*))$`);

export const scopesSchema = z
  .array(z.string().trim().regex(scopePattern, "Unknown scope: use <resource>.read, <resource>.write or *."))
  .min(1, "Choose at least one scope.");

export const createApiKeySchema = z.object({
  name: z.string().trim().min(1, "Name the key after the integration using it.").max(100),
  scopes: scopesSchema,
});
export type CreateApiKeyInput = z.input<typeof createApiKeySchema>;
