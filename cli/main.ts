#!/usr/bin/env node
// The `pendamping` executable.

// `pendamping run ... | head` closes the pipe early: that is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

const argv = process.argv.slice(2);
// `region` needs no simulation code: load only its command so it starts fast.
const { main } = argv[0] === 'region' ? await import('./regionProgram.js') : await import('./program.js');
process.exitCode = await main(argv);
