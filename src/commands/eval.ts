/** `maya eval`: not built yet; the issue that owns it replaces this file. */
export async function run(_args: string[]): Promise<number> {
  process.stderr.write("maya eval: not available yet\n");
  return 2;
}
