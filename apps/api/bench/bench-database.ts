import { randomUUID } from "node:crypto";
import { type Connection, connect, migrate } from "@open-trade/db";

/** A new, migrated database on the server for one bench run, dropped afterwards. */
export async function openBenchDatabase(
  serverUrl: string,
  maxConnections: number,
): Promise<{ name: string; connection: Connection; drop(): Promise<void> }> {
  const name = `open_trade_bench_${randomUUID().replaceAll("-", "")}`;
  const admin = await connect({ kind: "postgres", url: serverUrl }, { maxConnections: 1 });
  await admin.raw.exec(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const connection = await connect({ kind: "postgres", url: url.toString() }, { maxConnections });
  await migrate(connection.raw);
  return {
    name,
    connection,
    async drop() {
      await connection.close();
      await admin.raw.exec(`drop database if exists ${name} with (force)`);
      await admin.close();
    },
  };
}
