#!/usr/bin/env -S node --v8-pool-size=2
// The `pendamping` executable. It loads only the command it runs (cli/program.ts).
// `--v8-pool-size=2` (on the #! line: `env -S` passes it on Linux and macOS, and npm's Windows shims read
// it; `node dist/bin/pendamping.js` skips it, and `node --v8-pool-size=N dist/bin/pendamping.js` sets
// another pool): two V8 background threads, where Node's default is four whatever the machine. On 2 CPUs four
// compiler threads crowd the thread that simulates while the model is compiled from cold: measured in whole
// processes (README, benchmarks), a default `run` took 0.88–0.92× the time with two and a 2-worker batch the same.
// One (`0`: CPUs − 1) made the run 0.86× but the 2-worker batch 1.05–1.10×, its two threads' compiler jobs
// waiting for one background thread. A small young generation (`--max-semi-space-size=1`) saved memory but
// made `--help` 1.09–1.13× as slow, and is not used.

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
