// What the parts of one core share: who it is, its options, table, counters, topics, and its
// two outputs (messages to send, events for the application) with the peers' liveness records.
import type { CoreStats } from './core-types.ts'
import type { CoreOptions } from './defaults.ts'
import type { NodeId } from './id.ts'
import type { Guard } from './guard.ts'
import type { Liveness } from './liveness.ts'
import type { Outputs } from './outputs.ts'
import type { Rng } from './rng.ts'
import type { PeerRef, RoutingTable } from './routing-table.ts'
import type { TopicState } from './topic-state.ts'

export interface CoreContext {
  readonly ref: PeerRef
  readonly id: NodeId
  readonly options: CoreOptions
  readonly rng: Rng
  readonly table: RoutingTable
  readonly stats: CoreStats
  /** Every topic this node holds tree state for. */
  readonly topics: Map<string, TopicState>
  readonly out: Outputs
  readonly peers: Liveness
  readonly guard: Guard | undefined
}
