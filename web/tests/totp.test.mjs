// Sign-in with the second factor (TOTP, RFC 6238) in the browser, on a real
// (non-demo) database: the demo database waives the code, so this one is
// made with `trygnet init`, `partnership load` and `user add`.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { launchBrowser, startServer, trygnet } from "./server.mjs";

const partnershipFile = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "partnerships", "norrebro-2017.toml");
const password = "Korrekt-Hest-Batteri-2017";
let secret = "";
let server;
let browser;

// RFC 4648 base32 (the otpauth secret) to bytes.
function base32(text) {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = "";
  for (const char of text.replace(/=+$/, "")) bits += alphabet.indexOf(char).toString(2).padStart(5, "0");
  const bytes = [];
  for (let at = 0; at + 8 <= bits.length; at += 8) bytes.push(parseInt(bits.slice(at, at + 8), 2));
  return Buffer.from(bytes);
}

// The 6-digit code for the 30-second step `offset` steps from now.
function totp(offset = 0) {
  const step = Math.floor(Date.now() / 1000 / 30) + offset;
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac("sha1", base32(secret)).update(counter).digest();
  const at = mac[mac.length - 1] & 0x0f;
  const value = (mac.readUInt32BE(at) & 0x7fffffff) % 1000000;
  return String(value).padStart(6, "0");
}

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
  await page.getByLabel("Engangskode").fill(totp());
  await page.getByRole("button", { name: "Log ind" }).click();
  await page.getByRole("heading", { name: "Overblik", level: 1 }).waitFor();
  assert.match(await page.locator("header").innerText(), /Kirsten Testesen/);
  await page.context().close();
});

test("a code is not accepted twice, and a wrong code is refused", async () => {
  const page = await (await browser.newContext({ locale: "da-DK" })).newPage();
  await fillSignIn(page, "000000" === totp() ? "111111" : "000000");
  assert.match(await page.getByRole("alert").innerText(), /Forkert brugernavn, adgangskode eller engangskode/);
  const code = totp(1); // the next step's code is accepted once (one step of clock drift)
  await fillSignIn(page, code);
  await page.getByRole("heading", { name: "Overblik", level: 1 }).waitFor();
  const again = await (await browser.newContext({ locale: "da-DK" })).newPage();
  await fillSignIn(again, code);
  assert.match(await again.getByRole("alert").innerText(), /Forkert brugernavn, adgangskode eller engangskode/);
  await page.context().close();
  await again.context().close();
});
