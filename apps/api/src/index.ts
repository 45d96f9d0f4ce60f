// The API as a library: build its server around an open database (the embedded `npm start` shares the runner's).
export type { Authenticator, AuthMode, VerifiedUser } from "./auth/authenticator.ts";
export { localAuthenticator } from "./auth/local-auth.ts";
export { loadOrCreateSigningKey } from "./auth/signing-key.ts";
export { supabaseAuthenticator } from "./auth/supabase-auth.ts";
export { type ApiDeps, type Context, createContext, createContextInner } from "./context.ts";
export { type ApiEnv, readApiEnv } from "./env.ts";
export { jsonLogger, type Logger } from "./logger.ts";
export { type AppRouter, appRouter } from "./root.ts";
export { type ApiServer, type ApiServerOptions, createApiServer } from "./server/create-api-server.ts";
export { createCallerFactory } from "./trpc.ts";
