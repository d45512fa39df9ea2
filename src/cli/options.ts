import { InvalidArgumentError } from 'commander';

/** Option parsers shared by the commands: each rejects bad input with a message that names the problem. */
export function parsePositiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError(`expected a positive whole number, got "${value}"`);
  return n;
}

export function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError(`expected a TCP port 0-65535, got "${value}"`);
  return n;
}
