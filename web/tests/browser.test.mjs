// Browser tests of the UI against `trygnet serve` on demo data, in headless
// Chromium (issue 7). Accessibility is checked with axe-core against WCAG 2.1 AA.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import AxeBuilder from "@axe-core/playwright";
import { apiClient, launchBrowser, signIn, startServer, totpCode } from "./server.mjs";

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

// Content-Security-Policy refusals and script errors, by page: a page that
// needs something the policy refuses is broken even if it looks right.
const troubles = new WeakMap();

async function newPage() {
  const context = await browser.newContext({ locale: "da-DK" });
  const page = await context.newPage();
  const found = [];
  troubles.set(page, found);
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy|Refused to/.test(message.text())) found.push(message.text());
  });
  page.on("pageerror", (error) => found.push(`script error: ${error.message}`));
  return page;
}

async function assertAccessible(page, what) {
  assert.deepEqual(troubles.get(page) ?? [], [], `${what}: refused by the CSP or failed`);
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const found = result.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.length})`);
  assert.deepEqual(found, [], `${what}: accessibility violations`);
}

describe("sign-in", () => {
  test("the page is Danish, shows the demo banner and passes axe", async () => {
    const page = await newPage();
    await page.goto(server.url);
    await page.getByRole("heading", { name: "Log ind", level: 1 }).waitFor();
    assert.equal(await page.locator("html").getAttribute("lang"), "da");
    assert.match(await page.getByTestId("demo-banner").innerText(), /DEMO — syntetiske data/);
    await assertAccessible(page, "sign-in");
    await page.context().close();
  });

  test("a wrong password is refused in Danish, and nothing is shown", async () => {
    const page = await newPage();
    await page.goto(server.url);
    await page.getByLabel("Brugernavn").fill("ssp-caseworker");
    await page.getByLabel("Adgangskode").fill("forkert-adgangskode");
    await page.getByRole("button", { name: "Log ind" }).click();
    const alert = page.getByRole("alert");
    await alert.waitFor();
    assert.match(await alert.innerText(), /Forkert brugernavn, adgangskode eller engangskode/);
    assert.equal(await page.getByRole("heading", { name: "Overblik" }).count(), 0);
    await page.context().close();
  });

  test("an empty user name is named before anything is sent", async () => {
    const page = await newPage();
    await page.goto(server.url);
    await page.getByRole("button", { name: "Log ind" }).click();
    assert.match(await page.getByRole("alert").innerText(), /Udfyld Brugernavn/);
    await page.context().close();
  });

  test("a code that is not 6 digits is refused", async () => {
    const page = await newPage();
    await page.goto(server.url);
    await page.getByLabel("Brugernavn").fill("ssp-caseworker");
    await page.getByLabel("Adgangskode").fill("x");
    await page.getByLabel("Engangskode").fill("12ab");
    await page.getByRole("button", { name: "Log ind" }).click();
    assert.match(await page.getByRole("alert").innerText(), /Engangskoden er 6 cifre/);
    await page.context().close();
  });
});

describe("the overview", () => {
  test("a caseworker sees the unit's work queue with Danish dates, and it passes axe", async () => {
    const page = await newPage();
    await signIn(page, server.url, "ssp-caseworker");
    await page.getByRole("heading", { name: "Min enheds arbejdskø" }).waitFor();
    await page.locator("table, section p:has-text('Ingen åbne indsatser')").first().waitFor();
    const rows = await page.locator("tbody tr").count();
    if (rows > 0) {
      const due = await page.locator("tbody tr time").first().innerText();
      assert.match(due, /^\d{1,2}\. [a-zæøå]+ \d{4}$/, `a Danish date: ${due}`);
    }
    await assertAccessible(page, "overview");
    await page.context().close();
  });

  test("the session survives a reload, English is complete, and sign-out ends it", async () => {
    const page = await newPage();
    await signIn(page, server.url, "ssp-caseworker");
    await page.reload();
    await page.getByRole("heading", { name: "Overblik", level: 1 }).waitFor();
    await page.getByLabel("Sprog").selectOption("en");
    await page.getByRole("heading", { name: "Overview", level: 1 }).waitFor();
    await page.getByRole("heading", { name: "My unit's work queue" }).waitFor();
    assert.equal(await page.locator("html").getAttribute("lang"), "en");
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("heading", { name: "Sign in", level: 1 }).waitFor();
    await page.reload();
    await page.getByRole("heading", { name: "Sign in", level: 1 }).waitFor();
    await page.context().close();
  });

  test("a route of the UI survives a reload; an unknown one says so", async () => {
    const page = await newPage();
    await signIn(page, server.url, "ssp-caseworker");
    await page.goto(`${server.url}/findes/ikke`);
    await page.getByRole("heading", { name: "Siden findes ikke" }).waitFor();
    await page.context().close();
  });
});

describe("a person", () => {
  // A registered person that the SSP's organisation holds nothing about and
  // has had nothing disclosed about: found through the API as each user.
  async function undisclosedRegisteredPerson() {
    const analyst = await apiClient(server.url, "eas-analyst");
    const caseworker = await apiClient(server.url, "ssp-caseworker");
    const registrations = await analyst("/api/v1/registrations?partnership=norrebro-2017&limit=200");
    assert.equal(registrations.status, 200);
    for (const registration of registrations.body.items) {
      const seen = await caseworker(`/api/v1/persons/${registration.person_id}`);
      if (seen.status === 403 && seen.body.error.reason === "no_disclosure") {
        const person = await analyst(`/api/v1/persons/${registration.person_id}`);
        return person.body;
      }
    }
    throw new Error("the demo has no registered person hidden from the SSP");
  }

  test("a police analyst sees the identity and the registrations", async () => {
    const person = await undisclosedRegisteredPerson();
    const page = await newPage();
    await signIn(page, server.url, "eas-analyst");
    await page.goto(`${server.url}/persons/${person.id}`);
    await page.getByRole("heading", { name: `${person.given_name} ${person.family_name}`, level: 1 }).waitFor();
    const registrations = page.getByRole("region", { name: "Registreringer" });
    await registrations.locator("tbody tr").first().waitFor();
    assert.match(await registrations.innerText(), /Medlem|Tilknyttet|Ung, potentielt medlem|I risiko/);
    await assertAccessible(page, "person (analyst)");
    await page.context().close();
  });

  test("a municipal user without a disclosure is told why, and sees no name", async () => {
    const person = await undisclosedRegisteredPerson();
    const page = await newPage();
    await signIn(page, server.url, "ssp-caseworker");
    await page.goto(`${server.url}/persons/${person.id}`);
    await page.getByRole("heading", { name: `Person ${person.id}`, level: 1 }).waitFor();
    const identity = page.getByRole("region", { name: "Identitet" });
    await identity.getByTestId("withheld").waitFor();
    assert.match(await identity.innerText(), /ingen videregivelse til din enhed dækker dem/);
    const registrations = page.getByRole("region", { name: "Registreringer" });
    await registrations.getByTestId("withheld").waitFor();
    const text = await page.locator("main").innerText();
    assert.ok(!text.includes(person.family_name), "the family name is not on the page");
    assert.ok(!text.includes(person.birth_date), "the birth date is not on the page");
    await assertAccessible(page, "person (withheld)");
    await page.context().close();
  });

  test("a housing partner sees aggregates only: no queue and no person", async () => {
    const person = await undisclosedRegisteredPerson();
    const page = await newPage();
    await signIn(page, server.url, "boligsocial-partner");
    // The partner's overview holds the indicators only: no work queue, no register.
    await page.getByTestId("indicator-tiles").waitFor();
    assert.equal(await page.getByRole("heading", { name: "Min enheds arbejdskø" }).count(), 0);
    assert.equal(await page.getByRole("navigation").getByRole("link", { name: "Registret", exact: true }).count(), 0);
    await page.goto(`${server.url}/persons/${person.id}`);
    const identity = page.getByRole("region", { name: "Identitet" });
    await identity.getByTestId("withheld").waitFor();
    // The housing partner's role grants no personal data at all: the policy answers role_not_permitted.
    assert.match(await identity.innerText(), /Din rolle giver ikke adgang til denne slags oplysninger/);
    assert.equal(await page.getByTestId("withheld").count(), 5, "every part is withheld");
    await page.context().close();
  });

  test("the queue links to the person", async () => {
    const page = await newPage();
    await signIn(page, server.url, "ssp-caseworker");
    const link = page.getByRole("link", { name: /^Person \d+$/ }).first();
    await link.waitFor();
    const label = await link.innerText();
    await link.click();
    await page.getByRole("region", { name: "Indsatser" }).locator("li").first().waitFor();
    assert.match(page.url(), /\/persons\/\d+$/);
    assert.ok(label.startsWith("Person "));
    await page.context().close();
  });
});

describe("a measure", () => {
  // Opens the first planned measure of the SSP's queue; returns its page's URL.
  async function firstPlannedMeasure(page) {
    await signIn(page, server.url, "ssp-caseworker");
    const row = page.locator("tbody tr", { hasText: "Planlagt" }).first();
    await row.waitFor();
    await row.locator("a").first().click();
    await page.getByRole("heading", { name: "Meld status" }).waitFor();
    return page.url();
  }

  test("a caseworker moves a measure to in progress, then done, and the history keeps each step", async () => {
    const page = await newPage();
    await firstPlannedMeasure(page);
    assert.equal(await page.getByTestId("measure-status").innerText(), "Planlagt");
    await page.getByLabel("I gang").check();
    await page.getByRole("button", { name: "Gem status" }).click();
    await page.getByText("Status er gemt: I gang.").waitFor();
    await page.getByTestId("measure-status").filter({ hasText: "I gang" }).waitFor();
    await page.getByLabel("Udført").check();
    await page.getByLabel("Resultat").fill("Samtale holdt med forældrene");
    await page.getByRole("button", { name: "Gem status" }).click();
    await page.getByText("Indsatsen er afsluttet; status kan ikke ændres.").waitFor();
    assert.equal(await page.getByTestId("measure-status").innerText(), "Udført");
    const history = page.getByRole("region", { name: "Statushistorik" });
    assert.equal(await history.locator("li").count(), 3);
    assert.match(await history.innerText(), /Samtale holdt med forældrene/);
    await assertAccessible(page, "measure");
    await page.context().close();
  });

  test("a change made meanwhile elsewhere is not overwritten", async () => {
    const first = await newPage();
    const url = await firstPlannedMeasure(first);
    const second = await newPage();
    await signIn(second, server.url, "ssp-caseworker");
    await second.goto(url);
    await second.getByLabel("I gang").check();
    await second.getByRole("button", { name: "Gem status" }).click();
    await second.getByText("Status er gemt: I gang.").waitFor();
    // The first page still shows "Planlagt" and sends it as the expected status.
    await first.getByLabel("Takket nej").check();
    await first.getByRole("button", { name: "Gem status" }).click();
    await first.getByText("Indsatsen er ændret i mellemtiden").waitFor();
    await first.getByTestId("measure-status").filter({ hasText: "I gang" }).waitFor();
    await first.context().close();
    await second.context().close();
  });
});

describe("the status report", () => {
  test("an analyst makes the report for a period and downloads it as PDF", async () => {
    const page = await newPage();
    await signIn(page, server.url, "eas-analyst");
    await page.getByRole("navigation").getByRole("link", { name: "Rapporter", exact: true }).click();
    await page.getByLabel("Fra dato").fill("2017-08-01");
    await page.getByLabel("Til dato").fill("2018-06-30");
    await page.getByLabel("Som kendt den (valgfri)").fill("2018-08-15");
    await assertAccessible(page, "reports");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Lav og hent rapport" }).click(),
    ]);
    assert.equal(download.suggestedFilename(), "statusrapport-norrebro-2017-2017-08-01-2018-06-30.pdf");
    const path = await download.path();
    const { readFileSync } = await import("node:fs");
    assert.equal(readFileSync(path).subarray(0, 5).toString(), "%PDF-");
    await page.getByText("Rapporten er hentet").waitFor();
    await page.context().close();
  });

  test("a period that ends before it begins is named, and nothing is fetched", async () => {
    const page = await newPage();
    await signIn(page, server.url, "eas-analyst");
    await page.goto(`${server.url}/reports`);
    await page.getByLabel("Fra dato").fill("2018-08-01");
    await page.getByLabel("Til dato").fill("2018-06-30");
    await page.getByRole("button", { name: "Lav og hent rapport" }).click();
    assert.match(await page.getByRole("alert").innerText(), /Til-datoen ligger før fra-datoen/);
    await page.context().close();
  });
});

describe("case work", () => {
  test("a caseworker opens a case, makes the joint assessment, adds a measure and reports it done", async () => {
    // The police enter the young person and disclose the identity to the SSP (retsplejelovens § 115),
    // as when an under-18 is first seen with gang members; only then may the SSP open a case.
    const police = await apiClient(server.url, "eas-analyst");
    const person = await police.post("/api/v1/persons",
      { given_name: "Testbarn", family_name: "Sagsforløbsen", birth_date: "2012-03-03" });
    assert.equal(person.status, 201, JSON.stringify(person.body));
    const disclosure = await police.post("/api/v1/disclosures",
      { person_id: person.body.id, to_unit_id: "ssp", data_categories: ["identity"], legal_basis_id: "rpl-115" });
    assert.equal(disclosure.status, 201, JSON.stringify(disclosure.body));
    const page = await newPage();
    await signIn(page, server.url, "ssp-caseworker");
    await page.goto(`${server.url}/persons/${person.body.id}`);
    await page.getByRole("heading", { name: "Testbarn Sagsforløbsen" }).waitFor();
    assert.equal(await page.getByLabel("Spor").inputValue(), "under18_ssp");
    await page.getByLabel("Første kontakt").check();
    await page.getByRole("button", { name: "Åbn sag" }).click();
    await page.getByRole("heading", { name: /^Sag \d+: Under 18 \(SSP\)$/ }).waitFor();
    assert.match(await page.getByTestId("case-flags").innerText(), /Første kontakt/);
    await assertAccessible(page, "case");

    // The joint assessment: made by at least two units.
    await page.getByLabel("Skole").fill("Går i 8. klasse, meget fravær (testdata).");
    await page.getByLabel("Risikofaktorer").fill("Ses ofte med ældre unge (testdata).\nFravær (testdata).");
    await page.getByRole("button", { name: "Gem første version" }).click();
    assert.match(await page.getByRole("alert").innerText(), /mindst to enheder/);
    await page.getByLabel("Efterretnings- og Analysesektionen (EAS)").check();
    await page.getByRole("button", { name: "Gem første version" }).click();
    await page.getByText("Version 1 af den fælles vurdering er gemt.").waitFor();
    await page.getByTestId("assessment-latest").filter({ hasText: "Version 1" }).waitFor();

    // A measure for the case, assigned to the SSP, then reported done.
    const due = new Date(Date.now() + 30 * 86400000).toISOString().slice(0, 10);
    await page.getByLabel("Indsatstype").selectOption("concern-conversation");
    await page.getByLabel("Tildelt enhed").selectOption("ssp");
    await page.getByLabel("Frist").fill(due);
    await page.getByRole("button", { name: "Opret indsats" }).click();
    await page.getByText("Indsatsen er oprettet.").waitFor();
    await page.getByTestId("case-measures").getByRole("link").first().click();
    await page.getByLabel("Udført").check();
    await page.getByRole("button", { name: "Gem status" }).click();
    await page.getByText("Indsatsen er afsluttet; status kan ikke ændres.").waitFor();
    await page.context().close();
  });
});

describe("incidents", () => {
  test("the police record an incident; the SSP's response appears in the live log; it is closed with a note", async () => {
    const page = await newPage();
    await signIn(page, server.url, "lokalpoliti-officer");
    await page.getByRole("navigation").getByRole("link", { name: "Hændelser", exact: true }).click();
    await page.getByLabel("Slags").selectOption("violent_conflict");
    await page.getByLabel("Sted", { exact: true }).fill("Nørrebroparken ved legepladsen (testdata)");
    await page.getByLabel("Område").selectOption("mjolnerparken");
    await page.getByRole("button", { name: "Registrer hændelse" }).click();
    await page.getByRole("heading", { name: "Voldelig konflikt: Nørrebroparken ved legepladsen (testdata)" }).waitFor();
    await assertAccessible(page, "incident");
    const incidentId = page.url().match(/\/incidents\/(\d+)$/)[1];

    await page.getByLabel("Rolle").selectOption("police");
    await page.getByRole("button", { name: "Meld indsats" }).click();
    await page.getByText("Indsatsen er meldt i loggen.").waitFor();
    await page.getByTestId("response-log").locator("li", { hasText: "Politi" }).waitFor();

    // The SSP logs its own response elsewhere; the open page shows it at its next refresh.
    const ssp = await apiClient(server.url, "ssp-caseworker");
    const logged = await ssp.post(`/api/v1/incidents/${incidentId}/responses`,
      { role: "ssp", at: new Date().toISOString().replace(/\.\d{3}Z$/, "Z"), note: "Til stede ved skolen (testdata)" });
    assert.equal(logged.status, 200, JSON.stringify(logged.body));
    await page.getByTestId("response-log").locator("li", { hasText: "Til stede ved skolen" }).waitFor({ timeout: 25000 });

    await page.getByRole("button", { name: "Luk hændelsen" }).click();
    assert.match(await page.getByRole("alert").innerText(), /Udfyld Evaluering/);
    await page.getByLabel("Evaluering", { exact: true }).fill("Roligt efter to timer (testdata).");
    await page.getByRole("button", { name: "Luk hændelsen" }).click();
    await page.getByTestId("incident-state").filter({ hasText: "Lukket" }).waitFor();
    assert.equal(await page.getByRole("button", { name: "Meld indsats" }).count(), 0);
    await page.context().close();
  });

  test("a caseworker sees who was involved only as counts", async () => {
    const police = await apiClient(server.url, "lokalpoliti-officer");
    const registrations = await police("/api/v1/registrations?partnership=norrebro-2017&limit=1");
    const made = await police.post("/api/v1/incidents", {
      kind: "public_gathering", occurred_at: "2026-11-01T20:00:00Z", place: "Blågårds Plads (testdata)",
      person_ids: [registrations.body.items[0].person_id],
    });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    const ssp = await apiClient(server.url, "ssp-caseworker");
    const responded = await ssp.post(`/api/v1/incidents/${made.body.id}/responses`, { role: "ssp", at: "2026-11-01T20:30:00Z" });
    assert.equal(responded.status, 200, JSON.stringify(responded.body));
    const page = await newPage();
    await signIn(page, server.url, "ssp-caseworker");
    await page.goto(`${server.url}/incidents/${made.body.id}`);
    await page.getByText("Personer: 1 · grupperinger: 0 (hvem, er politiets oplysninger)").waitFor();
    assert.equal(await page.getByTestId("incident-persons").count(), 0);
    await page.context().close();
    // The police see who: each person links to their page.
    const policePage = await newPage();
    await signIn(policePage, server.url, "lokalpoliti-officer");
    await policePage.goto(`${server.url}/incidents/${made.body.id}`);
    await policePage.getByTestId("incident-persons").getByRole("link", { name: `Person ${registrations.body.items[0].person_id}` }).waitFor();
    await policePage.context().close();
  });
});

describe("meetings", () => {
  test("the strategic steering group holds a meeting with a general and a focus decision", async () => {
    const coordinator = await apiClient(server.url, "sikkerby-coordinator");
    const focus = await coordinator("/api/v1/areas/lundtoftegade/focus");
    assert.equal(focus.status, 200, JSON.stringify(focus.body));
    const kind = focus.body.in_focus_today ? "focus_area_end" : "focus_area_add";

    const page = await newPage();
    await signIn(page, server.url, "sikkerby-coordinator");
    await page.getByRole("navigation").getByRole("link", { name: "Møder", exact: true }).click();
    await page.getByRole("heading", { name: /^Mødekadence \d{4}$/ }).waitFor();
    await assertAccessible(page, "meetings");
    await page.getByLabel("Mødetype").selectOption("strategic-steering-group");
    await page.getByLabel("Efterretnings- og Analysesektionen (EAS)").check();
    await page.getByLabel("Referat").fill("Gennemgang af status for indsatserne (testdata).");
    await page.getByRole("button", { name: "Tilføj en beslutning" }).click();
    await page.getByLabel("Beslutningen").fill("Næste møde fokuserer på exit (testdata).");
    await page.getByRole("button", { name: "Tilføj en beslutning" }).click();
    const second = page.getByTestId("decision").nth(1);
    await second.getByLabel("Slags beslutning").selectOption(kind);
    await second.getByLabel("Beslutningen").fill("Det geografiske fokus ændres (testdata).");
    await second.getByLabel("Område").selectOption("lundtoftegade");
    await page.getByRole("button", { name: "Registrer mødet" }).click();
    await page.getByRole("heading", { name: /^Strategisk styregruppe \(Styregruppen for Sikker By\), / }).waitFor();
    const decisions = page.getByTestId("decisions");
    assert.equal(await decisions.locator("li").count(), 2);
    assert.match(await decisions.innerText(), /Lundtoftegade/);
    const after = await coordinator("/api/v1/areas/lundtoftegade/focus");
    assert.equal(after.body.in_focus_today, !focus.body.in_focus_today, "the focus changed from today");
    await page.context().close();
  });

  test("a focus decision by a meeting type that may not make one is refused, naming the decision", async () => {
    const page = await newPage();
    await signIn(page, server.url, "sikkerby-coordinator");
    await page.goto(`${server.url}/meetings`);
    await page.getByLabel("Mødetype").selectOption("operative-steering-group");
    await page.getByRole("button", { name: "Tilføj en beslutning" }).click();
    await page.getByLabel("Slags beslutning").selectOption("focus_area_add");
    await page.getByLabel("Beslutningen").fill("Forsøg (testdata).");
    await page.getByLabel("Område").selectOption("mjolnerparken");
    await page.getByRole("button", { name: "Registrer mødet" }).click();
    assert.match(await page.getByRole("alert").innerText(), /Beslutninger 1: Slags/);
    await page.context().close();
  });
});

describe("the register", () => {
  // A day relative to today (YYYY-MM-DD), so the data never ages out of the queues.
  const daysAgo = (days) => new Date(Date.now() - days * 86400000).toISOString().slice(0, 10);

  // A new registration recorded by eas-validator, so that eas-analyst is the second officer.
  async function newRegistration(familyName) {
    const officer = await apiClient(server.url, "eas-validator");
    const person = await officer.post("/api/v1/persons",
      { given_name: "Testperson", family_name: familyName, birth_date: "2001-05-05" });
    assert.equal(person.status, 201, JSON.stringify(person.body));
    const groups = await officer("/api/v1/groups");
    const registration = await officer.post("/api/v1/registrations", {
      person_id: person.body.id, group_id: groups.body.items[0].id, role: "associate",
      criteria: [
        { kind: "intelligence", source: "Efterretningsrapport (syntetisk)", observed_on: daysAgo(40) },
        { kind: "seen_with_members", source: "Observation (syntetisk)", observed_on: daysAgo(30) },
      ],
      justification: "Syntetisk testregistrering", valid_from: daysAgo(20),
    });
    assert.equal(registration.status, 201, JSON.stringify(registration.body));
    return registration.body;
  }

  test("a second officer validates a new registration from the review queue", async () => {
    const registration = await newRegistration("Valideringsen");
    const page = await newPage();
    await signIn(page, server.url, "eas-analyst");
    await page.getByRole("navigation").getByRole("link", { name: "Registret", exact: true }).click();
    const awaiting = page.getByRole("region", { name: /Afventer validering/ });
    await awaiting.getByRole("link", { name: `Registrering ${registration.id}` }).click();
    await page.getByTestId("registration-state").filter({ hasText: "Afventer validering" }).waitFor();
    await assertAccessible(page, "registration");
    await page.getByRole("button", { name: "Valider registreringen" }).click();
    await page.getByText("Registreringen er valideret.").waitFor();
    await page.getByTestId("registration-state").filter({ hasText: "af eas-analyst" }).waitFor();
    assert.equal(await page.getByRole("button", { name: "Valider registreringen" }).count(), 0);
    await page.context().close();
  });

  test("the registering officer cannot validate their own registration", async () => {
    const registration = await newRegistration("Egenvalidering");
    const page = await newPage();
    await signIn(page, server.url, "eas-validator");
    await page.goto(`${server.url}/registrations/${registration.id}`);
    await page.getByRole("button", { name: "Valider registreringen" }).click();
    assert.match(await page.getByRole("alert").innerText(), /en anden betjent skal validere den/);
    await page.context().close();
  });

  test("a review adds a criterion, and a removal needs a reason", async () => {
    const registration = await newRegistration("Revurderingsen");
    const page = await newPage();
    await signIn(page, server.url, "eas-analyst");
    await page.goto(`${server.url}/registrations/${registration.id}`);
    await page.getByTestId("criteria").locator("li").nth(1).waitFor();
    await page.getByLabel("Kriterium").fill("conviction");
    await page.getByLabel("Kilde").fill("Dom, byretten (syntetisk)");
    await page.getByRole("button", { name: "Gem revurdering" }).click();
    await page.getByText("Revurderingen er gemt.").waitFor();
    await page.getByTestId("criteria").locator("li").nth(2).waitFor();
    assert.match(await page.getByTestId("criteria").innerText(), /Dom · Dom, byretten \(syntetisk\)/);
    await page.getByRole("button", { name: "Afregistrer" }).click();
    assert.match(await page.getByRole("alert").innerText(), /Udfyld Årsag/);
    await page.getByLabel("Årsag").selectOption("documentation_uncertain");
    await page.getByLabel("Note").fill("Kilden kunne ikke bekræftes");
    await page.getByRole("button", { name: "Afregistrer" }).click();
    await page.getByTestId("registration-state").filter({ hasText: "Afregistreret: Usikker dokumentation" }).waitFor();
    assert.equal(await page.getByRole("listitem").filter({ hasText: /^Version/ }).count(), 3);
    await page.context().close();
  });

  test("a caseworker's queue holds none of the police's registrations", async () => {
    const page = await newPage();
    await signIn(page, server.url, "ssp-caseworker");
    await page.goto(`${server.url}/registrations`);
    // The server leaves out every registration the caller may not read.
    await page.getByText("Ingen registreringer afventer validering.").waitFor();
    await page.getByText("Ingen revurderinger er overskredet.").waitFor();
    assert.equal(await page.locator("tbody tr").count(), 0);
    await page.context().close();
  });
});

describe("the overview per role", () => {
  test("an analyst sees the registrations to handle, the indicators against their baselines, and no work queue", async () => {
    const page = await newPage();
    await signIn(page, server.url, "eas-analyst");
    await page.getByTestId("reviews-due").waitFor();
    assert.match(await page.getByTestId("reviews-due").innerText(), /registreringer, der skal valideres eller revurderes|Ingen registreringer venter/);
    await page.getByTestId("indicator-tiles").locator("li").first().waitFor();
    assert.match(await page.getByTestId("indicator-tiles").innerText(), /Baseline 290 \(31\. marts 2017\)/);
    assert.equal(await page.getByRole("heading", { name: "Min enheds arbejdskø" }).count(), 0);
    await assertAccessible(page, "overview (analyst)");
    await page.context().close();
  });

  test("a coordinator sees the meetings due", async () => {
    const page = await newPage();
    await signIn(page, server.url, "sikkerby-coordinator");
    await page.getByRole("heading", { name: "Møder, der skal holdes" }).waitFor();
    await page.context().close();
  });

  test("the indicators page charts an indicator by quarter, with the figures as a table", async () => {
    const page = await newPage();
    await signIn(page, server.url, "sikkerby-coordinator");
    await page.getByRole("navigation").getByRole("link", { name: "Målepunkter", exact: true }).click();
    await page.getByRole("heading", { name: "Udvikling pr. kvartal" }).waitFor();
    assert.equal(await page.locator("canvas[role=img]").count(), 1);
    await page.getByText("Vis tallene som tabel").click();
    // 2017-03-31 … 2019-12-31: twelve quarters.
    assert.equal(await page.getByTestId("course-table").locator("tbody tr").count(), 12);
    await assertAccessible(page, "indicators");
    await page.context().close();
  });
});

describe("the map", () => {
  test("the areas are drawn without tiles, focus areas marked, with counts for a period and the same in a table", async () => {
    const page = await newPage();
    const outside = [];
    page.on("request", (request) => {
      if (!request.url().startsWith(server.url)) outside.push(request.url());
    });
    await signIn(page, server.url, "eas-analyst");
    await page.getByRole("navigation").getByRole("link", { name: "Kort", exact: true }).click();
    await page.getByLabel("År").selectOption("2017");
    await page.getByLabel("Kvartal").selectOption("4");
    const table = page.getByTestId("area-table");
    await table.getByText("1. oktober 2017").waitFor();
    assert.match(await table.innerText(), /Mjølnerparken\s+Fokusområde\s+I fokus\s+(\d+|under 5)/);
    assert.equal(await table.locator("thead th").count(), 5, "counts for a whole quarter");
    const drawn = await page.getByTestId("map").locator("path.leaflet-interactive").count();
    assert.ok(drawn >= 5, `the areas are drawn (${drawn} shapes)`);
    assert.deepEqual(outside, [], "nothing is fetched from elsewhere");
    await assertAccessible(page, "map");
    await page.context().close();
  });
});

describe("the network", () => {
  test("an analyst runs the network analysis for a stated purpose and sees the lists and the graph", async () => {
    const page = await newPage();
    await signIn(page, server.url, "eas-analyst");
    await page.getByRole("navigation").getByRole("link", { name: "Netværk", exact: true }).click();
    await page.getByLabel("Netværket pr.").fill("2019-06-30");
    await page.getByLabel("Område").selectOption("ydre-norrebro");
    await page.getByRole("button", { name: "Kør analysen" }).click();
    assert.match(await page.getByRole("alert").innerText(), /Vælg formålet/);
    await page.getByLabel("Formål").selectOption("crime_prevention");
    await page.getByRole("button", { name: "Kør analysen" }).click();
    await page.getByTestId("network-summary").waitFor({ timeout: 60000 });
    assert.match(await page.getByTestId("network-notice").innerText(), /ændrer ingen persons status/);
    assert.match(await page.getByTestId("network-summary").innerText(), /[\d.]+ observationer, [\d.]+ personer/);
    await page.getByRole("region", { name: "Mest centrale (PageRank)" }).locator("li").first().waitFor();
    assert.equal(await page.getByTestId("network-graph").locator("canvas").count() > 0, true);
    await assertAccessible(page, "network");
    await page.context().close();
  });

  test("a person's network is shown on the person page once a purpose is chosen", async () => {
    const analyst = await apiClient(server.url, "eas-analyst");
    const registrations = await analyst("/api/v1/registrations?partnership=norrebro-2017&limit=20");
    const page = await newPage();
    await signIn(page, server.url, "eas-analyst");
    await page.goto(`${server.url}/persons/${registrations.body.items[0].person_id}`);
    const section = page.getByRole("region", { name: "Netværk" });
    await section.waitFor();
    await section.getByLabel("Formål").selectOption("crime_prevention");
    await section.getByRole("button", { name: "Vis personens netværk" }).click();
    await section.getByTestId("person-ties").locator("li").first().waitFor({ timeout: 60000 });
    assert.match(await section.getByTestId("person-network-measures").innerText(), /forbindelser/);
    await page.context().close();
  });
});

describe("audit and users", () => {
  test("an auditor finds a caseworker's refused reads, with the reason, in the audit trail", async () => {
    // A refusal made here: the SSP asks for a registered person it holds nothing about.
    const analyst = await apiClient(server.url, "eas-analyst");
    const caseworker = await apiClient(server.url, "ssp-caseworker");
    const registrations = await analyst("/api/v1/registrations?partnership=norrebro-2017&limit=200");
    let refusedPerson = 0;
    for (const registration of registrations.body.items) {
      const seen = await caseworker(`/api/v1/persons/${registration.person_id}`);
      if (seen.status === 403) {
        refusedPerson = registration.person_id;
        break;
      }
    }
    assert.ok(refusedPerson > 0, "a refusal was made");
    const page = await newPage();
    await signIn(page, server.url, "auditor");
    await page.getByRole("navigation").getByRole("link", { name: "Revisionsspor", exact: true }).click();
    await page.getByLabel("Person (id)").fill("x1");
    await page.getByRole("button", { name: "Søg" }).click();
    assert.match(await page.getByRole("alert").innerText(), /Person skal være et id/);
    await page.getByLabel("Person (id)").fill(String(refusedPerson));
    await page.getByLabel("Bruger").fill("ssp-caseworker");
    await page.getByLabel("Højst antal").selectOption("500");
    await page.getByRole("button", { name: "Søg" }).click();
    const entries = page.getByTestId("audit-entries");
    await entries.waitFor();
    await entries.locator("tr", { hasText: "Afvist" }).first().waitFor();
    assert.match(await entries.innerText(), /ingen videregivelse dækkede oplysningerne/);
    await assertAccessible(page, "audit");
    await page.context().close();
  });

  test("an administrator creates an account that signs in with its code, then disables it", async () => {
    const page = await newPage();
    await signIn(page, server.url, "admin");
    await page.getByRole("navigation").getByRole("link", { name: "Brugere", exact: true }).click();
    const users = page.getByTestId("users");
    assert.match(await users.locator("tr", { hasText: "eas-analyst" }).innerText(), /Analytiker/);
    await page.getByRole("button", { name: "Opret bruger" }).click();
    assert.match(await page.getByRole("alert").innerText(), /Udfyld Brugernavn/);
    await page.getByLabel("Brugernavn").fill("ssp-browsertest");
    await page.getByLabel("Navn", { exact: true }).fill("Birte Browsertest");
    await page.getByLabel("Enhed").selectOption("ssp");
    await page.getByLabel("Sagsbehandler").check();
    await page.getByRole("button", { name: "Opret bruger" }).click();
    await page.getByText("Kontoen ssp-browsertest er oprettet.").waitFor();
    const password = await page.getByTestId("new-password").innerText();
    const secret = (await page.getByTestId("new-otpauth").innerText()).match(/secret=([A-Z2-7]+)/)[1];
    await assertAccessible(page, "users");

    const newcomer = await newPage();
    await newcomer.goto(server.url);
    await newcomer.getByLabel("Brugernavn").fill("ssp-browsertest");
    await newcomer.getByLabel("Adgangskode").fill(password);
    await newcomer.getByLabel("Engangskode").fill(totpCode(secret));
    await newcomer.getByRole("button", { name: "Log ind" }).click();
    await newcomer.getByRole("heading", { name: "Overblik", level: 1 }).waitFor();

    await page.getByRole("button", { name: "Spær ssp-browsertest" }).click();
    await page.getByText("ssp-browsertest er spærret").waitFor();
    await newcomer.reload();
    await newcomer.getByRole("heading", { name: "Log ind", level: 1 }).waitFor();
    await page.getByRole("button", { name: "Genåbn ssp-browsertest" }).click();
    await page.getByText("ssp-browsertest er genåbnet.").waitFor();
    assert.equal(await page.getByRole("button", { name: "Spær admin" }).count(), 0, "not one's own account");
    await page.context().close();
    await newcomer.context().close();
  });
});

describe("the server", () => {
  test("pages carry a strict content security policy; the API keeps its own", async () => {
    const page = await fetch(`${server.url}/`);
    assert.equal(page.status, 200);
    assert.match(page.headers.get("content-type"), /text\/html/);
    assert.match(page.headers.get("content-security-policy"), /script-src 'self'/);
    assert.equal(page.headers.get("cache-control"), "no-cache");
    const api = await fetch(`${server.url}/api/v1/session`);
    assert.equal(api.status, 401);
    assert.equal(api.headers.get("content-security-policy"), "default-src 'none'; frame-ancestors 'none'");
    const missing = await fetch(`${server.url}/assets/findes-ikke.js`);
    assert.equal(missing.status, 404);
  });
});
