import { connect } from "../client/connect.ts";
import { CredentialError } from "../credentials/credential-error.ts";
import { parseLegacyKeyring } from "../credentials/keyring.ts";
import { parseOpeningKeys } from "../credentials/open-credential.ts";
import { rotateCredentials } from "../credentials/rotate-credentials.ts";
import { parseSealingKey } from "../credentials/seal-credential.ts";
import { describeTarget, readDbEnv, targetFromEnv } from "../env.ts";
import { runCli } from "./run-cli.ts";

// Re-seals every stored credential for the first key in OPEN_TRADE_CREDENTIAL_PRIVATE_KEYS, reading otc1 rows
// with OPEN_TRADE_CREDENTIAL_KEYS. Keep old keys listed until this exits 0; then they can be removed.
await runCli(async (print) => {
  const env = readDbEnv();
  const opener = parseOpeningKeys(env.OPEN_TRADE_CREDENTIAL_PRIVATE_KEYS);
  if (env.OPEN_TRADE_CREDENTIAL_PUBLIC_KEY) {
    const sealing = parseSealingKey(env.OPEN_TRADE_CREDENTIAL_PUBLIC_KEY);
    if (sealing.keyId !== opener.active.keyId || !sealing.publicKey.equals(opener.active.publicKey)) {
      throw new CredentialError(
        "KEY_INVALID",
        `OPEN_TRADE_CREDENTIAL_PUBLIC_KEY ("${sealing.keyId}") is not the public half of the first key in OPEN_TRADE_CREDENTIAL_PRIVATE_KEYS ("${opener.active.keyId}").`,
      );
    }
  }
  const legacy = env.OPEN_TRADE_CREDENTIAL_KEYS
    ? parseLegacyKeyring(env.OPEN_TRADE_CREDENTIAL_KEYS)
    : undefined;
  const target = targetFromEnv(env);
  const connection = await connect(target, { maxConnections: 1 });
  try {
    const report = await rotateCredentials(connection.db, legacy ? { opener, legacy } : { opener });
    print(
      `Rotated ${report.rotated} of ${report.examined} credentials to key "${opener.active.keyId}" in ${describeTarget(target)}.`,
    );
    for (const row of report.unreadable) print(`Could not rotate credential ${row.id}: ${row.code}.`);
    if (report.remaining > 0) {
      throw new Error(
        `${report.remaining} credentials are still sealed under another key: keep the old keys listed and rerun.`,
      );
    }
  } finally {
    await connection.close();
  }
});
