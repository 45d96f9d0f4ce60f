import { runMain } from "./main/run-main.ts";

// `pnpm --filter @open-trade/runner start`: the runner alone, with its terminal board on a TTY.
await runMain();
