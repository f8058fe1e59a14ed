// Writes screenshots of the UI's main pages to docs/screenshots/ (linked from
// README), from `trygnet serve` on a fresh demo database in headless Chromium.
// Usage: scripts/screenshots.sh [BUILD_DIR]
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { apiClient, launchBrowser, signIn, startServer } from "../tests/server.mjs";

const out = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "docs", "screenshots");
mkdirSync(out, { recursive: true });
const server = await startServer();
const browser = await launchBrowser();
try {
  const page = await (await browser.newContext({ locale: "da-DK", viewport: { width: 1280, height: 800 } })).newPage();
  await page.goto(server.url);
  await page.getByRole("heading", { name: "Log ind" }).waitFor();
  await page.screenshot({ path: join(out, "log-ind.png") });
  await signIn(page, server.url, "ssp-caseworker");
  await page.locator("table, section p").last().waitFor();
  await page.screenshot({ path: join(out, "overblik.png") });
  // A registered person as a police analyst sees it.
  const analyst = await apiClient(server.url, "eas-analyst");
  const registrations = await analyst("/api/v1/registrations?partnership=norrebro-2017&limit=1");
  const personId = registrations.body.items[0].person_id;
  const analystPage = await (await browser.newContext({ locale: "da-DK", viewport: { width: 1280, height: 800 } })).newPage();
  await signIn(analystPage, server.url, "eas-analyst");
  await analystPage.goto(`${server.url}/persons/${personId}`);
  await analystPage.getByRole("region", { name: "Registreringer" }).locator("table, p").first().waitFor();
  await analystPage.waitForLoadState("networkidle");
  await analystPage.screenshot({ path: join(out, "person.png"), fullPage: true });
  console.log(`screenshots in ${out}`);
} finally {
  await browser.close();
  await server.stop();
}
