// Writes screenshots of the UI's main pages to docs/screenshots/ (linked from
// README and docs/web.md), from `trygnet serve` on a fresh demo database in
// headless Chromium. Usage: scripts/screenshots.sh [BUILD_DIR]
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { apiClient, launchBrowser, signIn, startServer } from "../tests/server.mjs";

const out = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "docs", "screenshots");
mkdirSync(out, { recursive: true });
const server = await startServer();
const browser = await launchBrowser();
const viewport = { width: 1280, height: 860 };

async function pageAs(username) {
  const page = await (await browser.newContext({ locale: "da-DK", viewport })).newPage();
  await signIn(page, server.url, username);
  return page;
}

async function shot(page, name, path, ready) {
  if (path !== null) await page.goto(`${server.url}${path}`);
  await ready(page);
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: join(out, `${name}.png`) });
  console.log(`  ${name}.png`);
}

try {
  const first = await (await browser.newContext({ locale: "da-DK", viewport })).newPage();
  await first.goto(server.url);
  await shot(first, "log-ind", null, (page) => page.getByRole("heading", { name: "Log ind" }).waitFor());

  const caseworker = await pageAs("ssp-caseworker");
  await shot(caseworker, "overblik", null, (page) => page.locator("tbody tr").first().waitFor());
  const queue = await (await apiClient(server.url, "ssp-caseworker"))("/api/v1/measures?unit=ssp&open=true&limit=1");
  const measure = queue.body.items[0];
  if (measure.case_id) await shot(caseworker, "sag", `/cases/${measure.case_id}`, (page) => page.getByText("Fælles vurdering").waitFor());
  await shot(caseworker, "indsats", `/measures/${measure.id}`, (page) => page.getByRole("heading", { name: "Meld status" }).waitFor());

  const analyst = await pageAs("eas-analyst");
  await shot(analyst, "overblik-analytiker", null, (page) => page.getByTestId("indicator-tiles").locator("li").first().waitFor());
  const registrations = await (await apiClient(server.url, "eas-analyst"))("/api/v1/registrations?partnership=norrebro-2017&limit=1");
  const registration = registrations.body.items[0];
  await shot(analyst, "person", `/persons/${registration.person_id}`,
    (page) => page.getByRole("region", { name: "Registreringer" }).locator("table").waitFor());
  await shot(analyst, "registrering", `/registrations/${registration.id}`, (page) => page.getByTestId("criteria").waitFor());
  await shot(analyst, "registret", "/registrations", (page) => page.getByRole("heading", { name: /Revurdering overskredet/ }).waitFor());
  await shot(analyst, "kort", "/map", async (page) => {
    await page.getByLabel("År").selectOption("2018");
    await page.getByLabel("Kvartal").selectOption("2");
    await page.getByTestId("area-table").getByText("1. april 2018").waitFor();
  });
  await shot(analyst, "netvaerk", "/network", async (page) => {
    await page.getByLabel("Formål").selectOption("crime_prevention");
    await page.getByLabel("Netværket pr.").fill("2019-06-30");
    await page.getByLabel("Område").selectOption("mjolnerparken");
    await page.getByRole("button", { name: "Kør analysen" }).click();
    await page.getByTestId("network-summary").waitFor({ timeout: 60000 });
    await page.getByRole("heading", { name: "Netværket omkring de viste personer" }).scrollIntoViewIfNeeded();
  });

  await shot(analyst, "haendelser", "/incidents", (page) => page.getByRole("heading", { name: "Registrer en hændelse" }).waitFor());

  const coordinator = await pageAs("sikkerby-coordinator");
  await shot(coordinator, "moeder", "/meetings", (page) => page.getByRole("heading", { name: /Mødekadence/ }).waitFor());
  await shot(coordinator, "maalepunkter", "/indicators", (page) => page.getByRole("heading", { name: "Udvikling pr. kvartal" }).waitFor());


  const admin = await pageAs("admin");
  await shot(admin, "brugere", "/users", (page) => page.getByTestId("users").waitFor());

  const auditor = await pageAs("auditor");
  await shot(auditor, "revisionsspor", "/audit", async (page) => {
    await page.getByLabel("Bruger").fill("eas-analyst");
    await page.getByRole("button", { name: "Søg" }).click();
    await page.getByTestId("audit-entries").waitFor();
  });
  console.log(`screenshots in ${out}`);
} finally {
  await browser.close();
  await server.stop();
}
