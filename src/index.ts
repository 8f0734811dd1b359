// meshcast's public API.
export { createNode, MeshNode } from './node/mesh-node.ts'
export type { DropCounts, MetricsOptions, NodeOptions, NodeStats, NodeTopicView, PeerPath, PublishOptions, RequestOptions } from './node/mesh-node.ts'
export type { TopicCounts } from './node/topic-counters.ts'
export { Subscription } from './node/subscription.ts'
export type { DropEvent, Message, SubscribeOptions } from './node/subscription.ts'
export { createTestnet } from './node/testnet.ts'
export type { Testnet } from './node/testnet.ts'
export * from './core/index.ts'
// The mesh's authority: keys, grants and revocations (docs/security.md).
export { createAuthority, grantText, issueGrant, issueRevocation, openGrant, parseAuthorityKey, parseAuthorityPrivateKey, parseGrantText, parseRevocationText, revocationText } from './security/authority.ts'
export type { Grant, Revocation } from './security/authority.ts'
