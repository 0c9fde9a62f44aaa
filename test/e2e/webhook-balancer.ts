import { createServer, request, type Server } from "node:http";

export interface WebhookBalancerOptions {
  /** The instances' ports on 127.0.0.1, taken in turn. */
  upstreamPorts: readonly number[];
  /**
   * For each request, after how many ms the balancer stops waiting for the instance and answers 504 itself,
   * as a balancer's upstream timeout does, while the instance carries on with the update; undefined waits.
   */
  giveUpAfterMs?: () => number | undefined;
}

/** What the balancer did, for the test's report. */
export interface BalancerCounts {
  forwarded: number;
  /** The chosen instance could not be reached or dropped the connection: answered 502. */
  failed: number;
  /** Answered 504 before the instance did. */
  gaveUp: number;
}

/**
 * A round-robin HTTP balancer in front of several bot instances, as a reverse proxy would stand in front of
 * them: Telegram's POST goes to the next instance with its path, headers and body; the instance's answer
 * comes back as it is. When the instance fails, Telegram is told so (502, or 504 when the balancer gave up
 * waiting) and delivers the update again, most likely to another instance.
 */
export class WebhookBalancer {
  readonly counts: BalancerCounts = { forwarded: 0, failed: 0, gaveUp: 0 };
  readonly #server: Server;
  #next = 0;

  constructor(options: WebhookBalancerOptions) {
    this.#server = createServer((incoming, outgoing) => {
      const port = options.upstreamPorts[this.#next++ % options.upstreamPorts.length]!;
      let answered = false;
      const answer = (
        status: number,
        headers: Record<string, string | string[] | undefined>,
        body: Buffer,
      ) => {
        if (answered) return;
        answered = true;
        outgoing.writeHead(status, headers).end(body);
      };
      const fail = () => {
        this.counts.failed += 1;
        answer(502, { connection: "close" }, Buffer.from("Bad Gateway"));
      };
      const upstream = request(
        { host: "127.0.0.1", port, path: incoming.url, method: incoming.method, headers: incoming.headers },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("error", fail);
          response.on("end", () => {
            if (answered) return;
            this.counts.forwarded += 1;
            answer(response.statusCode ?? 502, response.headers, Buffer.concat(chunks));
          });
        },
      );
      upstream.on("error", fail);
      incoming.pipe(upstream);
      const giveUpMs = options.giveUpAfterMs?.();
      if (giveUpMs === undefined) return;
      const timer = setTimeout(() => {
        if (answered) return;
        this.counts.gaveUp += 1;
        answer(504, { connection: "close" }, Buffer.from("Gateway Timeout"));
      }, giveUpMs);
      outgoing.once("close", () => clearTimeout(timer));
    });
  }

  /** Listens on a free port of 127.0.0.1; resolves to the webhook URL to give the bot (path `/telegram`). */
  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.#server.listen(0, "127.0.0.1", resolve));
    const address = this.#server.address();
    const port = typeof address === "object" && address ? address.port : 0;
    return `http://127.0.0.1:${port}/telegram`;
  }

  async close(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise((resolve) => this.#server.close(resolve));
  }
}
