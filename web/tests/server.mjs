// Starts `trygnet serve` on a fresh demo database for the browser tests, and
// Debian's Chromium through playwright-core. TRYGNET_BINARY and TRYGNET_WEB
// (set by tests/CMakeLists.txt) name the binary and the built UI.
import { spawn, spawnSync } from "node:child_process";
import { createHmac } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";

export const demoPassword = "trygnet-demo-2017";

// Runs `trygnet ARGS…`; throws with its stderr when it fails. Returns stdout.
export function trygnet(args, input) {
  const made = spawnSync(process.env.TRYGNET_BINARY, args, { encoding: "utf8", input });
  if (made.status !== 0) throw new Error(`trygnet ${args[0]} failed: ${made.stderr}`);
  return made.stdout;
}

// `prepare(db, keyFile)` makes the database; by default the demo database.
export async function startServer(prepare = (db, keyFile) => trygnet(["demo", "--db", db, "--key-file", keyFile])) {
  const binary = process.env.TRYGNET_BINARY;
  const web = process.env.TRYGNET_WEB;
  if (!binary || !web) throw new Error("set TRYGNET_BINARY and TRYGNET_WEB (ctest does)");
  const dir = mkdtempSync(join(tmpdir(), "trygnet-web-"));
  const db = join(dir, "trygnet.db");
  prepare(db, `${db}.key`);
  const server = spawn(binary, ["serve", "--db", db, "--key-file", `${db}.key`, "--listen", "127.0.0.1:0",
    "--web", web, "--no-triggers"], { stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  server.stderr.on("data", (chunk) => (stderr += chunk));
  const url = await new Promise((resolve, reject) => {
    let stdout = "";
    server.stdout.on("data", (chunk) => {
      stdout += chunk;
      const found = stdout.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
      if (found) resolve(`http://127.0.0.1:${found[1]}`);
    });
    server.on("exit", (code) => reject(new Error(`trygnet serve stopped (${code}): ${stderr}`)));
  });
  return {
    url,
    async stop() {
      server.kill("SIGTERM");
      await new Promise((resolve) => server.on("exit", resolve));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.TRYGNET_CHROMIUM ?? "/usr/bin/chromium",
    // As root in a container Chromium needs --no-sandbox; the rest keep it off the (closed) network.
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
  });
}

export async function signIn(page, url, username) {
  await page.goto(url);
  await page.getByLabel("Brugernavn").fill(username);
  await page.getByLabel("Adgangskode").fill(demoPassword);
  await page.getByRole("button", { name: "Log ind" }).click();
  await page.getByRole("heading", { name: "Overblik", level: 1 }).waitFor();
}

// Signs in over the API alone (no browser) and returns get/post that send
// the session cookie (and the CSRF token): for a test to find or make its
// data before it opens a page.
export async function apiClient(url, username) {
  const response = await fetch(`${url}/api/v1/session`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ username, password: demoPassword }),
  });
  if (response.status !== 200) throw new Error(`sign-in of ${username}: ${response.status}`);
  const cookie = response.headers.get("set-cookie").split(";")[0];
  const csrf = (await response.json()).csrf_token;
  const call = async (method, path, body) => {
    const headers = { Cookie: cookie };
    if (body !== undefined) Object.assign(headers, { "Content-Type": "application/json", "X-CSRF-Token": csrf });
    const answer = await fetch(`${url}${path}`, { method, headers, body: body && JSON.stringify(body) });
    return { status: answer.status, body: await answer.json() };
  };
  const get = (path) => call("GET", path);
  get.post = (path, body) => call("POST", path, body);
  return get;
}

// RFC 4648 base32 (the otpauth secret) to bytes.
function base32(text) {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = "";
  for (const char of text.replace(/=+$/, "")) bits += alphabet.indexOf(char).toString(2).padStart(5, "0");
  const bytes = [];
  for (let at = 0; at + 8 <= bits.length; at += 8) bytes.push(parseInt(bits.slice(at, at + 8), 2));
  return Buffer.from(bytes);
}

// The 6-digit TOTP code (RFC 6238) of a base32 secret for the 30-second step `offset` steps from now.
export function totpCode(secret, offset = 0) {
  const step = Math.floor(Date.now() / 1000 / 30) + offset;
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac("sha1", base32(secret)).update(counter).digest();
  const at = mac[mac.length - 1] & 0x0f;
  const value = (mac.readUInt32BE(at) & 0x7fffffff) % 1000000;
  return String(value).padStart(6, "0");
}
