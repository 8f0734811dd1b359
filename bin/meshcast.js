#!/usr/bin/env node
// The installed `meshcast` command. The sources are TypeScript that Node 24 runs directly
// (type stripping), so this only hands over to them.
import { main } from '../src/cli/main.ts'

process.exitCode = await main(process.argv.slice(2))
