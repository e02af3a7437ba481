#!/usr/bin/env node
// The `pendamping` executable. It loads only the command it runs (cli/program.ts).

// `pendamping run ... | head` closes the pipe early: that is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

const { main } = await import('./program.js');
process.exitCode = await main(process.argv.slice(2));
