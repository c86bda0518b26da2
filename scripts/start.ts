/**
 * `npm start`: builds the add-on, then serves the playground — a spreadsheet
 * grid beside the real sidebar, with no Google account needed.
 */
import { execSync } from 'node:child_process';
import { startPlayground } from '../src/playground/server';

execSync('npm run build', { stdio: 'inherit' });

const raw = process.env.PORT ?? '8080';
const port = Number(raw);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, not ${JSON.stringify(raw)}`);
  process.exit(1);
}

startPlayground({ port, hostname: process.env.HOST ?? '127.0.0.1' })
  .then((playground) => {
    console.log(`\nFunnel Math playground: ${playground.url}`);
    console.log('Deploy the add-on itself with `npm run deploy` (see README). Ctrl+C stops.');
  })
  .catch((e: unknown) => {
    const busy = (e as NodeJS.ErrnoException).code === 'EADDRINUSE';
    console.error(
      busy
        ? `Port ${port} is in use; start on another with PORT=8081 npm start`
        : e instanceof Error
          ? e.message
          : e,
    );
    process.exit(1);
  });
