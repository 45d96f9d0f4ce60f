import { jsonLogger } from "./logger.ts";
import { startApi } from "./start-api.ts";

// `pnpm --filter @open-trade/api start`: serve until SIGINT/SIGTERM, then close connections and exit.
const log = jsonLogger();
try {
  const { api, url, connection } = await startApi(log);
  log.info("api.listening", { url });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      api
        .close()
        .then(() => connection.close())
        .finally(() => process.exit(0));
    });
  }
} catch (error) {
  // Configuration errors say what to fix and never quote a value; no stack for the person at the keyboard.
  process.stderr.write(
    `The API could not start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
}
