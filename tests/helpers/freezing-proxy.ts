import net from "node:net";

export interface FreezingProxy {
  port: number;
  url: string;
  /** Stops moving bytes both ways without closing anything: a network cut, as a sleeping laptop or a dead Wi-Fi makes. */
  freeze(): void;
  close(): Promise<void>;
}

/** A TCP proxy to 127.0.0.1:`targetPort` whose connections can be frozen: a network that goes silent. */
export async function freezingProxy(targetPort: number): Promise<FreezingProxy> {
  const pairs = new Set<[net.Socket, net.Socket]>();
  let frozen = false;
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, "127.0.0.1");
    const pair: [net.Socket, net.Socket] = [client, upstream];
    pairs.add(pair);
    const forward = (from: net.Socket, to: net.Socket) =>
      from.on("data", (chunk) => {
        if (!frozen) to.write(chunk);
      });
    forward(client, upstream);
    forward(upstream, client);
    const end = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on("error", end).on("close", end);
    upstream.on("error", end).on("close", end);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    freeze() {
      // Bytes are read and dropped, so neither side sees a close or a full buffer: only silence.
      frozen = true;
    },
    async close() {
      for (const [a, b] of pairs) {
        a.destroy();
        b.destroy();
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
