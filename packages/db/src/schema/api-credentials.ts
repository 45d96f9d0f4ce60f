import { sql } from "drizzle-orm";
import { check, index, pgPolicy, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { authenticatedRole } from "drizzle-orm/supabase";
import { isCurrentUser } from "./policy-helpers.ts";
import { users } from "./users.ts";

// otc2 (sealed to the runners' public key) or otc1 (the old symmetric format, until db:rotate-credentials).
const envelope = (column: string) =>
  sql.raw(`${column} ~ '^(otc1(\\.[A-Za-z0-9_-]+){4}|otc2(\\.[A-Za-z0-9_-]+){5})$'`);

/** Every secret column holds an encrypted envelope (see ../credentials); never read it under a user's role. */
export const apiCredentials = pgTable(
  "api_credentials",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    apiKey: text("api_key"),
    apiSecret: text("api_secret"),
    passphrase: text("passphrase"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    privateKey: text("private_key").notNull(),
    /** The private key's wallet address: public, the one credential column its owner may read. */
    walletAddress: text("wallet_address"),
  },
  (t) => [
    index("api_credentials_user_id_idx").on(t.userId),
    check("api_credentials_api_key_is_ciphertext", envelope("api_key")),
    check("api_credentials_api_secret_is_ciphertext", envelope("api_secret")),
    check("api_credentials_passphrase_is_ciphertext", envelope("passphrase")),
    check("api_credentials_private_key_is_ciphertext", envelope("private_key")),
    check("api_credentials_wallet_address_format", sql`wallet_address ~ '^0x[0-9a-fA-F]{40}$'`),
    check(
      "api_credentials_l2_complete",
      sql`(api_key is null and api_secret is null and passphrase is null) or (api_key is not null and api_secret is not null and passphrase is not null)`,
    ),
    pgPolicy("Users can see which credentials they have stored", {
      for: "select",
      to: authenticatedRole,
      using: isCurrentUser("user_id"),
    }),
    pgPolicy("Users can store their own credentials", {
      for: "insert",
      to: authenticatedRole,
      withCheck: isCurrentUser("user_id"),
    }),
    pgPolicy("Users can delete their own credentials", {
      for: "delete",
      to: authenticatedRole,
      using: isCurrentUser("user_id"),
    }),
  ],
);
