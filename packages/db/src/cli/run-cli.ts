/** Runs a command-line entry point: prints to stdout, turns a thrown error into one clear line and exit code 1. */
export async function runCli(main: (print: (line: string) => void) => Promise<void>): Promise<void> {
  const print = (line: string) => process.stdout.write(`${line}\n`);
  try {
    await main(print);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`error: ${message}\n`);
    process.exitCode = 1;
  }
}
