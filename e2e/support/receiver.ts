import http from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";

export interface ReceivedWebhook {
  id: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A webhook receiver on 127.0.0.1 for tests; `status` picks what it answers. */
export async function startReceiver(status: (n: number) => number = () => 200) {
  const received: ReceivedWebhook[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => {
      body += c;
    });
    req.on("end", () => {
      received.push({ id: String(req.headers["webhook-id"]), headers: req.headers, body });
      res.statusCode = status(received.length);
      res.end(res.statusCode < 300 ? "received" : "not now");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    /** Verifies a delivery with the standardwebhooks package and returns its payload. */
    verify(secret: string, w: ReceivedWebhook) {
      return new Webhook(secret.replace(/^whsec_/, "")).verify(w.body, {
        "webhook-id": String(w.headers["webhook-id"]),
        "webhook-timestamp": String(w.headers["webhook-timestamp"]),
        "webhook-signature": String(w.headers["webhook-signature"]),
      }) as { id: string; event: string; type: string; data: Record<string, unknown> };
    },
  };
}
