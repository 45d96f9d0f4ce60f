import { connect } from "../client/connect.ts";
import { parseKeyring } from "../credentials/keyring.ts";
import { rotateCredentials } from "../credentials/rotate-credentials.ts";
import { describeTarget, readDbEnv, targetFromEnv } from "../env.ts";
import { runCli } from "./run-cli.ts";

// Re-seals every stored credential under OPEN_TRADE_CREDENTIAL_KEY_ID. Keep the old key listed in
// OPEN_TRADE_CREDENTIAL_KEYS until this reports every row rotated; then it can be removed.
await runCli(async (print) => {
  const env = readDbEnv();
  const keyring = parseKeyring(env.OPEN_TRADE_CREDENTIAL_KEYS, env.OPEN_TRADE_CREDENTIAL_KEY_ID);
  const target = targetFromEnv(env);
  const connection = await connect(target, { maxConnections: 1 });
  try {
    const report = await rotateCredentials(connection.db, keyring);
    print(
      `Rotated ${report.rotated} of ${report.examined} credentials to key "${keyring.activeKeyId}" in ${describeTarget(target)}.`,
    );
  } finally {
    await connection.close();
  }
});
