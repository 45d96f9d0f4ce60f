// Type-only entry for clients (the web app): `import type { AppRouter } from "@open-trade/api/types"`.
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "./root.ts";

export type { AppRouter };
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
export type { AuthMode } from "./auth/authenticator.ts";
export type { ApiConfig } from "./server/api-config.ts";
