#!/usr/bin/env node
// The `pendamping` executable. It loads only the command it runs (cli/program.ts).

// `pendamping run ... | head` closes the pipe early: that is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  // The version alone needs no command parser: what commander prints for it, without loading commander.
  const { pendampingVersion } = await import('./version.js');
  process.stdout.write(`${pendampingVersion()}\n`);
} else {
  const { main } = await import('./program.js');
  process.exitCode = await main(args);
}
