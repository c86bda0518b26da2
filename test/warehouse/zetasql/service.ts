/**
 * ZetaSQL's local service (the analyzer and reference evaluator of BigQuery's
 * SQL dialect), run from the npm package's Linux server on a free port and
 * driven over gRPC with the package's own protos. The package's client
 * wrapper has no EvaluateQuery, so the service is called directly.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';

const require = createRequire(import.meta.url);
const PACKAGE = dirname(require.resolve('@fivetrandevelopers/zetasql/package.json'));
const SERVER = join(PACKAGE, 'lib/zetasql/remote_server.so');
const PROTOS = join(PACKAGE, 'lib/zetasql/protos');

/** Messages go over the wire as plain objects, fields in camelCase as proto-loader writes them. */
export type Message = any;

/** gRPC's status when nothing answers on the port. */
const UNAVAILABLE = 14;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

let serviceType: grpc.ServiceClientConstructor | undefined;
function service(): grpc.ServiceClientConstructor {
  if (!serviceType) {
    const definition = protoLoader.loadSync('local_service.proto', {
      includeDirs: [PROTOS],
      longs: String,
      enums: String,
      defaults: false,
      oneofs: true,
    });
    const loaded = grpc.loadPackageDefinition(definition) as Message;
    serviceType = loaded.zetasql.local_service.ZetaSqlLocalService as grpc.ServiceClientConstructor;
  }
  return serviceType;
}

interface Running {
  process: ChildProcess;
  client: grpc.Client;
}

async function launch(log: string[]): Promise<Running> {
  const port = await freePort();
  const child = spawn(SERVER, ['localhost', String(port)], { stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr?.on('data', (chunk: Buffer) => log.push(chunk.toString()));
  const Client = service();
  const client = new Client(`localhost:${port}`, grpc.credentials.createInsecure(), {
    'grpc.max_send_message_length': 256 * 1024 * 1024,
    'grpc.max_receive_message_length': 256 * 1024 * 1024,
  });
  return { process: child, client };
}

export class ZetaSql {
  private constructor(
    private running: Running,
    /** What the servers wrote to stderr: where a failed check says why it aborted. */
    readonly log: string[],
  ) {}

  static async start(): Promise<ZetaSql> {
    const log: string[] = [];
    const zeta = new ZetaSql(await launch(log), log);
    await zeta.ready();
    return zeta;
  }

  /** A new server on a new port, after the last one aborted. */
  async restart(): Promise<void> {
    this.stop();
    this.running = await launch(this.log);
    await this.ready();
  }

  private async ready(): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await this.call('formatSql', { sql: 'SELECT 1' });
        return;
      } catch (e) {
        if ((e as grpc.ServiceError).code !== UNAVAILABLE || attempt > 100 || !this.alive) {
          this.stop();
          throw new Error(`the ZetaSQL service did not start: ${(e as Error).message}`);
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  }

  /** False once the server has exited (a failed check inside it aborts the process). */
  get alive(): boolean {
    const { process } = this.running;
    return process.exitCode === null && process.signalCode === null;
  }

  call(method: string, request: Message): Promise<Message> {
    return new Promise((resolve, reject) => {
      (this.running.client as any)[method](
        request,
        (error: grpc.ServiceError | null, response: Message) =>
          error ? reject(error) : resolve(response),
      );
    });
  }

  analyze(request: Message): Promise<Message> {
    return this.call('analyze', request);
  }

  evaluateQuery(request: Message): Promise<Message> {
    return this.call('evaluateQuery', request);
  }

  /** Whether the server exits within `timeoutMs`: an abort closes the connection before the process is gone. */
  exited(timeoutMs: number): Promise<boolean> {
    if (!this.alive) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.running.process.once('exit', () => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }

  stop(): void {
    this.running.client.close();
    if (this.alive) this.running.process.kill('SIGKILL');
  }
}
