#!/usr/bin/env node
// The `meshcast` executable: built to dist/src/cli/bin.js for the package's `bin`; in this
// repository bin/meshcast.js and `npm start` run it from source.
import { main } from './main.ts'

process.exitCode = await main(process.argv.slice(2))
