// meshcast's public API. Today: the protocol core and its driver (the networked node,
// createNode(), comes with the libp2p transport).
export * from './core/index.ts'
