import { generateCredentialKeyPair } from "../credentials/generate-key-pair.ts";
import { runCli } from "./run-cli.ts";

// Prints a new credential key pair as two environment lines: the public key for the API, the private key for
// runners (and db:rotate-credentials). Key id from the first argument, default `k<yyyymmdd>`.
await runCli(async (print) => {
  const id = process.argv[2] ?? `k${new Date().toISOString().slice(0, 10).replaceAll("-", "")}`;
  const { publicLine, privateLine } = generateCredentialKeyPair(id);
  print(publicLine);
  print(privateLine);
});
