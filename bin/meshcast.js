#!/usr/bin/env node
// `meshcast` from this repository's sources (Node 24 strips the types). The published package's
// `bin` is the built dist/src/cli/bin.js instead (npm run build).
import '../src/cli/bin.ts'
