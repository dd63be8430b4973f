// Drives the official Convex npm client for NpmComparison (the Java side starts the loopback
// server and this process, and interleaves rounds of both clients).
//
//   node npm-client.mjs <deployment url>
//
// stdin:  one line per round: the number of calls to make, one after another
// stdout: one line per round:
//   {"calls": n, "nanos": wall time, "cpuMicros": this process's CPU time, "id": the last result's id}
// Exits when stdin closes.

import { createInterface } from "node:readline";
import { ConvexHttpClient } from "convex/browser";

const url = process.argv[2];
if (!url) {
  console.error("usage: node npm-client.mjs <deployment url>");
  process.exit(2);
}

// the loopback URL is not a *.convex.cloud one; logger: false, as the Java client's logging is off
const client = new ConvexHttpClient(url, { skipConvexDeploymentUrlCheck: true, logger: false });
const args = {
  to: "ada@example.com",
  subject: "Your order has shipped",
  body: "Hello Ada, your order 1042 left our warehouse today and should arrive on Thursday.",
};

for await (const line of createInterface({ input: process.stdin })) {
  const calls = Number.parseInt(line, 10);
  let result;
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  for (let i = 0; i < calls; i++) {
    result = await client.action("emails:send", args);
  }
  const nanos = process.hrtime.bigint() - start;
  const used = process.cpuUsage(cpu);
  console.log(JSON.stringify({ calls, nanos: Number(nanos), cpuMicros: used.user + used.system, id: result?.id }));
}
