// Argument parsing shared by the commands: node:util parseArgs with strict checking, plus
// number validation that says which flag is wrong and what it takes.
import { parseArgs } from 'node:util'
import type { ParseArgsConfig } from 'node:util'

export class UsageError extends Error {
  constructor (message: string) {
    super(message)
    this.name = 'UsageError'
  }
}

export type Options = NonNullable<ParseArgsConfig['options']>

export function parse (argv: string[], options: Options, allowPositionals = true): { values: Record<string, string | boolean | string[] | undefined>, positionals: string[] } {
  try {
    const r = parseArgs({ args: argv, options, allowPositionals, strict: true })
    return { values: r.values as Record<string, string | boolean | string[] | undefined>, positionals: r.positionals }
  } catch (err) {
    throw new UsageError((err as Error).message)
  }
}

export function numberFlag (values: Record<string, unknown>, name: string, opts: { min?: number, max?: number, integer?: boolean } = {}): number | undefined {
  const raw = values[name]
  if (raw === undefined) return undefined
  const v = Number(raw)
  const { min = -Infinity, max = Infinity, integer = false } = opts
  if (typeof raw !== 'string' || raw.trim() === '' || !Number.isFinite(v) || (integer && !Number.isInteger(v)) || v < min || v > max) {
    const range = `${Number.isFinite(min) ? min : ''}..${Number.isFinite(max) ? max : ''}`
    throw new UsageError(`--${name} takes ${integer ? 'an integer' : 'a number'} in ${range}, not '${String(raw)}'`)
  }
  return v
}

/** A command that ran and failed (exit status 1, no usage text): a publish not acknowledged. */
export class CommandFailed extends Error {
  constructor (message: string) {
    super(message)
    this.name = 'CommandFailed'
  }
}
