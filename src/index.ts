// meshcast's public API.
export { createNode, MeshNode } from './node/mesh-node.ts'
export type { DropCounts, NodeOptions, NodeStats, NodeTopicView, PeerPath, PublishOptions } from './node/mesh-node.ts'
export { Subscription } from './node/subscription.ts'
export type { Message, SubscribeOptions } from './node/subscription.ts'
export { createTestnet } from './node/testnet.ts'
export type { Testnet } from './node/testnet.ts'
export * from './core/index.ts'
