import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Session, startTestApi, type TestApi } from "../testing/test-api.ts";
import { STRATEGY_TEMPLATES } from "./strategy-templates.ts";

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi();
});
afterAll(async () => {
  await t?.close();
});

const create = (s: Session, input: unknown) => t.call("bots.create", input, s.accessToken, "mutation");
const storedRecipe = async (botId: string) =>
  (await t.db.raw.query<{ recipe: unknown }>("select recipe_json as recipe from bots where id = $1", [botId]))
    .rows[0]?.recipe;

describe("the recipe a bot runs", () => {
  const template = STRATEGY_TEMPLATES[0];
  if (!template) throw new Error("no template to test with");

  it("when a bot is created from a template then it stores that template's recipe", async () => {
    const pro = await t.signUp("pro");
    const res = await create(pro, {
      name: "From a template",
      strategyPrompt: template.strategyPrompt,
      templateId: template.id,
    });
    expect(res.status).toBe(200);
    const id = (res.body.result?.data as { id: string } | undefined)?.id ?? "";
    expect(await storedRecipe(id)).toEqual(JSON.parse(JSON.stringify(template.recipe)));
  });

  it("when the preview's recipe is sent then it is stored, and an update can replace it", async () => {
    const pro = await t.signUp("pro");
    const res = await create(pro, { name: "Previewed", strategyPrompt: "x", recipe: template.recipe });
    const id = (res.body.result?.data as { id: string } | undefined)?.id ?? "";
    const changed = { ...template.recipe, summary: "A changed summary." };
    const update = await t.call(
      "bots.update",
      { botId: id, settings: {}, recipe: changed },
      pro.accessToken,
      "mutation",
    );
    expect(update.status).toBe(200);
    expect(await storedRecipe(id)).toMatchObject({ summary: "A changed summary." });
  });

  it.each([
    ["an unknown template", { templateId: "no-such-template" }, "templateId"],
    [
      "a recipe the runner could not read",
      { recipe: { version: 999, cadence: { pollingMinutes: "abc" } } },
      "recipe",
    ],
  ])(
    "when a bot is created with %s then the field is named and no bot is stored",
    async (_name, choice, field) => {
      const pro = await t.signUp("pro");
      const res = await create(pro, { name: "Bad recipe", strategyPrompt: "x", ...choice });
      expect(res.status).toBe(400);
      expect(Object.keys(res.body.error?.data.fieldErrors ?? {})).toEqual([field]);
      const list = await t.call("bots.list", undefined, pro.accessToken);
      expect(list.body.result?.data).toEqual([]);
    },
  );
});
