// The bounds of meshcast.proto's repeated fields, for the sending side: a node never builds a
// message or frame that a peer's bounded decoder must reject (test/core/limits.test.ts checks
// these against the schema).

/** Messages in one frame (the Frame's `messages`). */
export const MAX_FRAME_MESSAGES = 4096
/** Topics (and counts, and root entries) in one HEARTBEAT. */
export const MAX_HEARTBEAT_TOPICS = 4096
/** Topics in one REPLICA. */
export const MAX_REPLICA_ENTRIES = 1024
/** Children in one REPLICA entry (a longer list continues in further entries). */
export const MAX_REPLICA_CHILDREN = 1024
/** Peers on a JOIN-ACK's path to the root. */
export const MAX_PATH = 64
/** Headers on one application message. */
export const MAX_HEADERS = 64
/** Candidates in one REDIRECT. */
export const MAX_CANDIDATES = 64
/** Queue groups assigned on one application message (one per group of the topic). */
export const MAX_QUEUE_GROUPS = 64
/** Bytes of a queue group's name. */
export const MAX_GROUP_BYTES = 128
/** Bytes of a message's seal (a signature and its batch's Merkle path: message-seal.ts). */
export const MAX_SEAL_BYTES = 1024
/** Bytes of an encoded grant or revocation (the authority's statements: src/security/). */
export const MAX_STATEMENT_BYTES = 4096
/** Message references in one MailboxAck or MailboxSync.acked, and messages in one MailboxSync. */
export const MAX_MAILBOX_REFS = 1024
/** Direct publishing is offered for at most this many groups of this many members (TopicCount.queues, QueueMembers.members). */
export const DIRECT_MAX_GROUPS = 8
export const DIRECT_MAX_MEMBERS = 64
