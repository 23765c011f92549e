// What a client team writes with the generated types: the main calls of the API through openapi-fetch, each answer
// read as the document types it. Run by TypeScriptClientTest: node dist/client.js <base URL> <screening key>
// <provider key>; prints one line per call and "N passed, N failed".
import createClient from "openapi-fetch";
import type { components, paths } from "./generated/api.js";

type ScreeningRequest = components["schemas"]["ScreeningRequest"];
type Problem = components["schemas"]["Problem"];

const [baseUrl, screeningKey, providerKey] = process.argv.slice(2);
if (!baseUrl || !screeningKey || !providerKey) {
  throw new Error("usage: node dist/client.js <base URL> <screening key> <provider key>");
}
const desk = createClient<paths>({ baseUrl, headers: { "X-API-Key": screeningKey } });
const provider = createClient<paths>({ baseUrl, headers: { "X-API-Key": providerKey } });

let passed = 0;
let failed = 0;
function check(name: string, ok: boolean, detail: unknown = ""): void {
  if (ok) {
    passed++;
  } else {
    failed++;
  }
  console.log(`${ok ? "ok  " : "FAIL"} ${name} ${ok ? "" : JSON.stringify(detail)}`);
}

const request: ScreeningRequest = {
  patientReference: "pt-typescript",
  patient: { age: 36, pregnant: "NO", fitzpatrickSkinType: 4 },
  history: {
    activeAcne: "NO",
    activeColdSores: "NO",
    coldSoreHistory: "YES",
    otherActiveSkinInfection: "NO",
    eczema: "NO",
    psoriasis: "NO",
    keloidOrHypertrophicScarring: "NO",
    bleedingDisorder: "NO",
    takesBloodThinners: "NO",
    radiationTherapy: "NO",
  },
};

const screened = await desk.POST("/api/v1/screenings", { body: request });
const result = screened.data;
check("screenPatient", result?.outcome === "REFER_TO_PROVIDER", screened.error);
const codes: components["schemas"]["ReasonCode"][] = result?.reasons.map((reason) => reason.code) ?? [];
check("screenPatient reasons", codes.includes("COLD_SORE_HISTORY") && codes.includes("PIGMENTATION_RISK"), codes);

const invalid = await desk.POST("/api/v1/screenings", {
  body: { patient: { pregnant: "NO" } } as ScreeningRequest,
});
const problem: Problem | undefined = invalid.error;
check("screenPatient 400", invalid.response.status === 400 && (problem?.violations?.length ?? 0) > 0, problem);

const batch = await desk.POST("/api/v1/screenings/batch", { body: [request, request] });
check("screenBatch", batch.data?.length === 2, batch.error);

if (result) {
  const id = result.screeningId;
  const stored = await desk.GET("/api/v1/screenings/{screeningId}", { params: { path: { screeningId: id } } });
  check("getScreening", stored.data?.screeningId === id, stored.error);
  const status = await desk.GET("/api/v1/screenings/{screeningId}/status", { params: { path: { screeningId: id } } });
  check("getScreeningStatus", status.data?.status === "PENDING_REVIEW", status.error);
}
const missing = await desk.GET("/api/v1/screenings/{screeningId}", {
  params: { path: { screeningId: "00000000-0000-7000-8000-000000000000" } },
});
check("getScreening 404", missing.response.status === 404 && missing.error?.status === 404, missing.error);

const questionnaire = await desk.GET("/api/v1/questionnaire");
check("getQuestionnaire", questionnaire.response.status === 200, questionnaire.error);
const rules = await desk.GET("/api/v1/rules");
check("getRules", (rules.data?.rules.length ?? 0) > 0, rules.error);

const queue = await provider.GET("/api/v1/reviews", { params: { query: { status: "PENDING" } } });
const nextCursor: string | null | undefined = queue.data?.nextCursor;
check("listReviews", (queue.data?.items.length ?? 0) > 0 && nextCursor !== undefined, queue.error);
const forbidden = await desk.GET("/api/v1/reviews");
check("listReviews 403", forbidden.response.status === 403, forbidden.error);

console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
