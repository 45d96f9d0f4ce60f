import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseSealingKey, readDbEnv } from "@open-trade/db";
import { type Guest, runMain } from "@open-trade/runner/app";
import { readApiEnv } from "./env.ts";
import { jsonLogger } from "./logger.ts";
import { createApiServer } from "./server/create-api-server.ts";
import { authFromEnv } from "./start-api.ts";

// `npm start`: the whole product in one process (PGlite has one connection): the runner, and over the same
// database the API with the built web app, signed in as the paper-only demo user. `npm run board` is the
// runner alone with its terminal board.
const builtWeb = fileURLToPath(new URL("../../web/dist/", import.meta.url));

await runMain({
  board: false,
  async host(app, _runnerEnv, io): Promise<Guest> {
    const env = readApiEnv();
    const dbEnv = readDbEnv();
    const webDist = env.WEB_DIST ?? (existsSync(builtWeb) ? builtWeb : undefined);
    const api = await createApiServer({
      connection: app.connection,
      auth: await authFromEnv(env, app.connection.db),
      llm: app.llm,
      marketData: app.marketData,
      sealer: dbEnv.OPEN_TRADE_CREDENTIAL_PUBLIC_KEY
        ? parseSealingKey(dbEnv.OPEN_TRADE_CREDENTIAL_PUBLIC_KEY)
        : null,
      log: jsonLogger((line) => io.writeLog(line.trimEnd())),
      ...(webDist ? { webDist } : {}),
      ...(app.demoUserId ? { demoUserId: app.demoUserId } : {}),
    });
    const url = await api.listen(env.PORT, env.HOST);
    io.say(
      webDist
        ? `Open Trade is running: ${url}  (Ctrl-C stops it)`
        : `API: ${url} (no web build found: run \`pnpm --filter @open-trade/web build\`)`,
    );
    return api;
  },
});
