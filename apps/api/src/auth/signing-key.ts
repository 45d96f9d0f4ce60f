import { randomUUID, type webcrypto } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { exportJWK, generateKeyPair, importJWK, type JWK } from "jose";

export interface SigningKey {
  readonly privateKey: webcrypto.CryptoKey;
  /** What `/.well-known/jwks.json` serves. */
  readonly publicJwk: JWK;
  readonly kid: string;
}

const FILE = "local-signing-key.json";

/**
 * The local mode's ES256 token key: generated on first start and kept (owner-only) in `dir`, so tokens survive a
 * restart. Two processes starting at once cannot both write it: the file is created exclusively, the loser reads.
 */
export async function loadOrCreateSigningKey(dir: string): Promise<SigningKey> {
  const path = join(dir, FILE);
  try {
    return await fromJwk(JSON.parse(await readFile(path, "utf8")) as JWK);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  const { privateKey } = await generateKeyPair("ES256", { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid: randomUUID(), alg: "ES256", use: "sig" };
  await mkdir(dir, { recursive: true, mode: 0o700 });
  try {
    await writeFile(path, JSON.stringify(jwk), { mode: 0o600, flag: "wx" });
    return await fromJwk(jwk);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return fromJwk(JSON.parse(await readFile(path, "utf8")) as JWK);
  }
}

async function fromJwk(jwk: JWK): Promise<SigningKey> {
  const { d: _private, ...publicJwk } = jwk;
  const kid = jwk.kid ?? "local";
  return {
    privateKey: (await importJWK(jwk, "ES256")) as webcrypto.CryptoKey,
    publicJwk: { ...publicJwk, kid },
    kid,
  };
}
