#!/usr/bin/env node
/** The `plandiff` executable: runs the command line with the process's arguments and streams. */
import { main } from './cli';

// A reader that stops early (`plandiff parse … | head`) closes the pipe: that is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});
process.exitCode = main(process.argv.slice(2));
