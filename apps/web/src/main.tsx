import { createRoot } from "react-dom/client";
import { App } from "./app.tsx";
import { createAuthClient } from "./auth/create-auth-client.ts";
import { loadConfig } from "./config.ts";
import "./styles.css";

const root = createRoot(document.getElementById("root") as HTMLElement);

loadConfig()
  .then(createAuthClient)
  .then(
    (auth) => root.render(<App auth={auth} />),
    (error: Error) =>
      root.render(
        <main className="mx-auto max-w-md p-8" role="alert">
          <h1 className="text-lg font-semibold">Open Trade cannot start</h1>
          <p className="mt-2 text-sm">{error.message}</p>
        </main>,
      ),
  );
