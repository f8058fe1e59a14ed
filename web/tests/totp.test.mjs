// Sign-in with the second factor (TOTP, RFC 6238) in the browser, on a real
// (non-demo) database: the demo database waives the code, so this one is
// made with `trygnet init`, `partnership load` and `user add`.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { launchBrowser, startServer, totpCode, trygnet } from "./server.mjs";

const partnershipFile = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "partnerships", "norrebro-2017.toml");
const password = "Korrekt-Hest-Batteri-2017";
let secret = "";
let server;
let browser;

before(async () => {
  server = await startServer((db, keyFile) => {
    trygnet(["init", "--db", db, "--key-file", keyFile]);
    trygnet(["partnership", "load", partnershipFile, "--db", db, "--key-file", keyFile]);
    const added = trygnet(["user", "add", "--db", db, "--key-file", keyFile, "--username", "ssp-test", "--name",
      "Kirsten Testesen", "--unit", "ssp", "--role", "caseworker", "--password-stdin"], `${password}\n`);
    secret = added.match(/secret=([A-Z2-7]+)/)[1];
  });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function fillSignIn(page, code) {
  await page.goto(server.url);
  await page.getByLabel("Brugernavn").fill("ssp-test");
  await page.getByLabel("Adgangskode").fill(password);
  if (code !== undefined) await page.getByLabel("Engangskode").fill(code);
  await page.getByRole("button", { name: "Log ind" }).click();
}

test("the password alone asks for the code; with the code the user is in; no demo banner on a real database", async () => {
  const page = await (await browser.newContext({ locale: "da-DK" })).newPage();
  await fillSignIn(page);
  assert.match(await page.getByRole("alert").innerText(), /Skriv engangskoden fra din godkendelsesapp/);
  assert.equal(await page.getByTestId("demo-banner").count(), 0);
  // The code field was emptied and has the focus for the code.
  assert.equal(await page.evaluate(() => document.activeElement?.id), "code");
  await page.getByLabel("Engangskode").fill(totpCode(secret));
  await page.getByRole("button", { name: "Log ind" }).click();
  await page.getByRole("heading", { name: "Overblik", level: 1 }).waitFor();
  assert.match(await page.locator("header").innerText(), /Kirsten Testesen/);
  await page.context().close();
});

test("a code is not accepted twice, and a wrong code is refused", async () => {
  const page = await (await browser.newContext({ locale: "da-DK" })).newPage();
  await fillSignIn(page, "000000" === totpCode(secret) ? "111111" : "000000");
  assert.match(await page.getByRole("alert").innerText(), /Forkert brugernavn, adgangskode eller engangskode/);
  const code = totpCode(secret, 1); // the next step's code is accepted once (one step of clock drift)
  await fillSignIn(page, code);
  await page.getByRole("heading", { name: "Overblik", level: 1 }).waitFor();
  const again = await (await browser.newContext({ locale: "da-DK" })).newPage();
  await fillSignIn(again, code);
  assert.match(await again.getByRole("alert").innerText(), /Forkert brugernavn, adgangskode eller engangskode/);
  await page.context().close();
  await again.context().close();
});
