// Runs the stand-in Polymarket exchange alone, for offline demos and manual testing:
//   pnpm exec tsx bin/stand-in-exchange.ts [--port 8790] [--seed 1] [--tick-ms 1000] [--no-simulate]
import { parseArgs } from "node:util";
import { startStandInExchange } from "../src/stand-in/index.ts";

const USAGE = "usage: stand-in-exchange [--port N] [--seed N] [--tick-ms N] [--no-simulate]";

function integer(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text)) {
    process.stderr.write(`--${name} must be a non-negative integer, got "${text}"\n${USAGE}\n`);
    process.exit(2);
  }
  return Number(text);
}

const { values } = parseArgs({
  options: {
    port: { type: "string" },
    seed: { type: "string" },
    "tick-ms": { type: "string" },
    "no-simulate": { type: "boolean", default: false },
  },
});

const tickMs = integer("tick-ms", values["tick-ms"], 1000);
const exchange = await startStandInExchange({
  port: integer("port", values.port, 8790),
  seed: integer("seed", values.seed, 1),
  simulate: !values["no-simulate"],
  ...(tickMs > 0 ? { tickMs } : {}),
});

process.stdout.write(
  [
    "Stand-in Polymarket exchange (simulated markets, not real money)",
    `CLOB   ${exchange.clobUrl}`,
    `Gamma  ${exchange.gammaUrl}`,
    `WS     ${exchange.wsUrl}/ws/market`,
    `${exchange.markets().length} markets; Ctrl-C to stop`,
    "",
  ].join("\n"),
);

const stop = () => {
  exchange.close().then(() => process.exit(0));
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
