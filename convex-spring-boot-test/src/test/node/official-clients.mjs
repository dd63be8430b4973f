// Runs the official convex npm clients against a LocalConvexDeployment for OfficialClientTests.
// Usage: node official-clients.mjs <deploymentUrl>
// Prints its messages as lines "@@ <json>" (the client logs to stdout too): {"event":"drop"} when
// the Java side should call dropConnections() (it answers with a line on stdin), then
// {"event":"done","results":{...}}.
import { createInterface } from "node:readline";
import { ConvexClient, ConvexHttpClient } from "convex/browser";
import { makeFunctionReference } from "convex/server";
import { ConvexError } from "convex/values";

const url = process.argv[2];
const TIMEOUT_MS = 20000;
const out = (message) => process.stdout.write("@@ " + JSON.stringify(message) + "\n");
const ref = (path) => makeFunctionReference(path);
const stdin = createInterface({ input: process.stdin })[Symbol.asyncIterator]();

async function until(what, condition) {
  const deadline = Date.now() + TIMEOUT_MS;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("timed out waiting for " + what);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

// A JWT-shaped token, so the client can read its expiry and schedule a refresh.
function token(subject) {
  const part = (object) => Buffer.from(JSON.stringify(object)).toString("base64url");
  const now = Math.floor(Date.now() / 1000);
  return part({ alg: "none", typ: "JWT" }) + "." + part({ sub: subject, iat: now, exp: now + 3600 }) + ".sig";
}

const results = {};

// ConvexHttpClient: one HTTP call per function.
const http = new ConvexHttpClient(url);
const added = await http.mutation(ref("items:add"), { name: "http" });
results.httpAddReturnedBigint = typeof added === "bigint";
results.httpList = await http.query(ref("items:list"), {});
const echoed = await http.action(ref("echo:args"), {
  int64: 2n ** 60n + 1n,
  nan: NaN,
  negativeZero: -0,
  bytes: new Uint8Array([0, 1, 255]).buffer,
});
results.echoLossless =
  echoed.int64 === 2n ** 60n + 1n &&
  Number.isNaN(echoed.nan) &&
  Object.is(echoed.negativeZero, -0) &&
  Array.from(new Uint8Array(echoed.bytes)).join(",") === "0,1,255";
try {
  await http.action(ref("fail:withData"), {});
  results.convexError = "no error";
} catch (error) {
  results.convexError = { isConvexError: error instanceof ConvexError, data: error.data };
}
http.setAuth(token("http-user"));
results.httpWhoami = await http.query(ref("auth:whoami"), {});

// ConvexClient: one WebSocket, subscriptions, read-your-writes, auth, reconnect.
const client = new ConvexClient(url, { skipConvexDeploymentUrlCheck: true });
let latest;
client.onUpdate(ref("items:list"), {}, (value) => {
  latest = value;
});
await until("the first items:list result", () => latest !== undefined);
results.subscribedFirst = latest;
await client.mutation(ref("items:add"), { name: "ws" });
// read-your-writes: once the mutation resolves, the subscription already shows it
results.subscribedAfterMutation = latest;

let whoami;
let authenticated;
client.setAuth(async () => token("ws-user"), (isAuthenticated) => {
  authenticated = isAuthenticated;
});
client.onUpdate(ref("auth:whoami"), {}, (value) => {
  whoami = value;
});
await until("an authenticated whoami", () => whoami === "USER" && authenticated === true);
results.syncWhoami = whoami;

out({ event: "drop" });
await stdin.next();
await client.mutation(ref("items:add"), { name: "after-drop" });
results.subscribedAfterReconnect = latest;
results.whoamiAfterReconnect = whoami;

// A token the deployment rejects: AuthError, then the client gives up on it and says so.
const rejected = new ConvexClient(url, { skipConvexDeploymentUrlCheck: true });
let rejectedAuth;
rejected.setAuth(async () => token("rejected"), (isAuthenticated) => {
  rejectedAuth = isAuthenticated;
});
let rejectedWhoami;
rejected.onUpdate(ref("auth:whoami"), {}, (value) => {
  rejectedWhoami = value;
});
await until("the rejected token to be dropped", () => rejectedAuth === false && rejectedWhoami === "ANONYMOUS");
results.rejectedAuth = rejectedAuth;
results.rejectedWhoami = rejectedWhoami;

await rejected.close();
await client.close();
out({ event: "done", results });
process.exit(0);
