import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../testing/test-api.ts";

const DEMO_ID = randomUUID();
let plain: TestApi;
let embedded: TestApi;
beforeAll(async () => {
  plain = await startTestApi();
  embedded = await startTestApi({ demoUserId: DEMO_ID });
  await embedded.db.raw.query("insert into auth.users (id, email) values ($1, $2)", [
    DEMO_ID,
    `demo-${DEMO_ID}@open-trade.local`,
  ]);
});
afterAll(async () => {
  await plain?.close();
  await embedded?.close();
});

type DemoSession = { accessToken: string; refreshToken: string; user: { id: string } };
const config = async (t: TestApi) => (await (await fetch(`${t.url}/api/config`)).json()) as { demo: boolean };

describe("the embedded demo session", () => {
  it("when the server names no demo user then there is no demo session and config says so", async () => {
    const res = await plain.call("auth.demoSession", undefined, undefined, "mutation");
    expect(res.status).toBe(404);
    expect(await config(plain)).toMatchObject({ demo: false });
  });

  it("when the launcher names the demo user then the page signs in as it, me says demo, and the session refreshes", async () => {
    expect(await config(embedded)).toMatchObject({ demo: true });
    const res = await embedded.call("auth.demoSession", undefined, undefined, "mutation");
    expect(res.status).toBe(200);
    const session = res.body.result?.data as DemoSession;
    expect(session.user.id).toBe(DEMO_ID);
    const me = await embedded.call("me.get", undefined, session.accessToken);
    expect(me.body.result?.data).toMatchObject({ id: DEMO_ID, demo: true });
    const refreshed = await embedded.call(
      "auth.refresh",
      { refreshToken: session.refreshToken },
      undefined,
      "mutation",
    );
    expect(refreshed.status).toBe(200);
  });

  it("when another user signs in on the embedded server then me does not say demo", async () => {
    const other = await embedded.signUp();
    const me = await embedded.call("me.get", undefined, other.accessToken);
    expect(me.body.result?.data).toMatchObject({ demo: false });
  });
});
