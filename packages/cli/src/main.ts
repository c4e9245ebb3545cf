import { runCli } from './cli.js';
import { finish, processContext } from './process-io.js';

finish(await runCli(process.argv.slice(2), processContext()));
