/**
 * Forecourt command line: `npm run cli -- <command>`.
 *   migrate
 *   seed
 *   dealer list
 *   user create --email <e> --role admin|staff|ops [--dealer <slug>] [--name <n>] [--password <p>]
 *   api-key create --dealer <slug> --name <n> --scopes <a,b|*>
 *   parts generate --dealer <slug> --count <n> [--seed <s>]
 *   oem list
 *   api-key create --oem <oemKey> --name <n> --scopes <a,b|*>
 */
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { closeDb, getDb } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { demoSignIns, seed } from "@/db/seed";
import { findOemByKey, listOems } from "@/lib/checkout/oem-config";
import { generateIntoCatalog } from "@/lib/parts/catalog-import";
import { isAppError } from "@/lib/platform/errors";
import { insertApiKey } from "@/lib/platform/identity/api-keys";
import { findDealerBySlug, listDealers } from "@/lib/platform/identity/dealers";
import { roleSchema, scopesSchema } from "@/lib/platform/identity/schema";
import { insertUser } from "@/lib/platform/identity/users";

const USAGE = `usage: npm run cli -- <command>
  migrate                         apply database migrations
  seed                            create the demo dealers and users (idempotent)
  dealer list                     one "slug<TAB>name" line per dealer
  user create --email E --role admin|staff|ops [--dealer SLUG] [--name N] [--password P]
  api-key create --dealer SLUG --name N --scopes a.read,b.write|*
  parts generate --dealer SLUG --count N [--seed S]   add N generated parts (with stock) to a dealer's catalog
  oem list                        one "oemKey<TAB>oemId<TAB>name" line per OEM
  api-key create --oem OEMKEY --name N --scopes checkout_carts.*,products.read,placed_orders.read,webhooks.*,events.read|*`;

class UsageError extends Error {}

function dealerIdFor(slug: string | undefined): string {
  if (!slug) throw new UsageError("--dealer <slug> is required");
  const dealer = findDealerBySlug(getDb(), slug);
  if (!dealer) throw new UsageError(`no dealer with slug "${slug}" (see: dealer list)`);
  return dealer.id;
}

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      email: { type: "string" },
      role: { type: "string" },
      dealer: { type: "string" },
      name: { type: "string" },
      password: { type: "string" },
      scopes: { type: "string" },
      count: { type: "string" },
      seed: { type: "string" },
      oem: { type: "string" },
    },
  });
  const command = positionals.join(" ");
  switch (command) {
    case "migrate": {
      console.log(`migrated ${runMigrations()}`);
      return;
    }
    case "seed": {
      const { created } = await seed(getDb());
      console.log(created ? `seeded ${created} records` : "already seeded");
      console.log(demoSignIns());
      return;
    }
    case "dealer list": {
      for (const d of listDealers(getDb())) console.log(`${d.slug}\t${d.name}`);
      return;
    }
    case "user create": {
      if (!values.email) throw new UsageError("--email is required");
      const role = roleSchema.safeParse(values.role);
      if (!role.success) throw new UsageError("--role must be admin, staff or ops");
      const dealerId = role.data === "ops" ? null : dealerIdFor(values.dealer);
      const password = values.password ?? randomBytes(12).toString("base64url");
      const user = await insertUser(getDb(), {
        email: values.email,
        name: values.name ?? values.email.split("@")[0],
        role: role.data,
        password,
        dealerId,
      });
      console.log(`created ${user.role} ${user.email} (${user.id})`);
      if (!values.password) console.log(`password: ${password}`);
      return;
    }
    case "oem list": {
      for (const o of listOems(getDb())) console.log(`${o.oemKey}\t${o.id}\t${o.name}`);
      return;
    }
    case "api-key create": {
      // An OEM key (checkout carts) belongs to an OEM instead of a dealer.
      const oem = values.oem ? findOemByKey(getDb(), values.oem) : undefined;
      if (values.oem && !oem) throw new UsageError(`no OEM with key "${values.oem}" (see: oem list)`);
      if (oem && values.dealer) throw new UsageError("use --dealer or --oem, not both");
      const dealerId = oem ? null : dealerIdFor(values.dealer);
      if (!values.name) throw new UsageError("--name is required");
      const scopes = scopesSchema.safeParse(
        (values.scopes ?? "")
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean),
      );
      if (!scopes.success) throw new UsageError(`--scopes: ${scopes.error.issues[0]?.message}`);
      const { key, apiKey } = insertApiKey(
        getDb(),
        { dealerId, oemId: oem?.id ?? null },
        { name: values.name, scopes: scopes.data },
        null,
      );
      console.log(`created API key ${apiKey.id} (${apiKey.prefix}…) with scopes ${apiKey.scopes.join(",")}`);
      console.log(key);
      return;
    }
    case "parts generate": {
      const dealerId = dealerIdFor(values.dealer);
      const count = Number(values.count);
      if (!Number.isInteger(count) || count < 1 || count > 1_000_000)
        throw new UsageError("--count must be a whole number from 1 to 1000000");
      const started = Date.now();
      // Same tax rate as the dealer's seeded catalog, so generated parts price alike.
      const taxRow = getDb()
        .$client.prepare("select tax_rate_bp as t from parts where dealer_id = ? limit 1")
        .get(dealerId) as { t: number } | undefined;
      const added = generateIntoCatalog(getDb(), dealerId, {
        count,
        seed: values.seed ?? `${values.dealer}-bulk`,
        taxRateBp: taxRow?.t ?? 600,
      });
      console.log(
        `added ${added} parts to ${values.dealer} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
      return;
    }
    default:
      throw new UsageError(command ? `unknown command "${command}"` : "no command given");
  }
}

main(process.argv.slice(2))
  .then(() => closeDb())
  .catch((e) => {
    if (e instanceof UsageError) console.error(`error: ${e.message}\n\n${USAGE}`);
    else if (isAppError(e)) console.error(`error: ${e.message}`);
    else console.error(e);
    process.exitCode = 1;
  });
