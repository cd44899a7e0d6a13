import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/**
 * An HTTP server that knows its open sockets, so it can really go away: closing destroys kept-alive
 * connections too, which is what "offline" and "stop" must mean for the clients under test.
 */
export class Listener {
  private readonly server: http.Server;
  private readonly sockets = new Set<Socket>();
  private boundPort = 0;

  constructor(
    private readonly host: string,
    handler: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
    options: http.ServerOptions = {},
  ) {
    this.server = http.createServer(options, (req, res) => {
      handler(req, res).catch(() => res.socket?.destroy());
    });
    this.server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  get port(): number {
    return this.boundPort;
  }

  /** Port 0 picks a free one; listening again after close() reuses the port it had. */
  async listen(port: number): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, this.host, () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    const address = this.server.address();
    if (address === null || typeof address === 'string') throw new Error('listener has no TCP address');
    this.boundPort = address.port;
  }

  async close(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }

  destroySockets(): void {
    for (const socket of this.sockets) socket.destroy();
  }
}
