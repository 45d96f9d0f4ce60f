import { ModelCatalog } from "../catalog/model-catalog.ts";
import recorded from "../fixtures/openrouter-models.2025-06.json" with { type: "json" };
import { fakeClock } from "./fake-ports.ts";

export const recordedModelList = recorded;

export const recordedCatalog = (): ModelCatalog =>
  new ModelCatalog({ load: async () => recorded.data, clock: fakeClock() });
