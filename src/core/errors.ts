// Named errors with codes a caller can switch on. The core never throws these out of handle*
// for network input (bad frames are counted and dropped); they are for application commands.

export type ErrorCode =
  | 'ERR_INVALID_TOPIC'
  | 'ERR_PAYLOAD_TOO_LARGE'
  | 'ERR_INVALID_HEADERS'
  | 'ERR_MALFORMED_FRAME'
  | 'ERR_FRAME_TOO_LARGE'
  | 'ERR_INVALID_ARGUMENT'
  | 'ERR_PUBLISH_NOT_ACKNOWLEDGED'
  | 'ERR_NODE_STOPPED'
  | 'ERR_NO_RESPONDERS'
  | 'ERR_REQUEST_TIMEOUT'
  | 'ERR_DATA_DIR_LOCKED'
  | 'ERR_INVALID_GRANT'
  | 'ERR_NO_AUTHORITY'
  | 'ERR_NOT_GRANTED'

export class MeshcastError extends Error {
  readonly code: ErrorCode

  constructor (code: ErrorCode, message: string) {
    super(message)
    this.name = 'MeshcastError'
    this.code = code
  }
}

export class InvalidTopicError extends MeshcastError {
  constructor (message: string) {
    super('ERR_INVALID_TOPIC', message)
    this.name = 'InvalidTopicError'
  }
}

export class PayloadTooLargeError extends MeshcastError {
  constructor (size: number, limit: number) {
    super('ERR_PAYLOAD_TOO_LARGE', `payload of ${size} bytes is over the limit of ${limit} bytes (option maxPayloadBytes)`)
    this.name = 'PayloadTooLargeError'
  }
}

export class InvalidHeadersError extends MeshcastError {
  constructor (message: string) {
    super('ERR_INVALID_HEADERS', `invalid headers: ${message}`)
    this.name = 'InvalidHeadersError'
  }
}

export class MalformedFrameError extends MeshcastError {
  constructor (message: string) {
    super('ERR_MALFORMED_FRAME', message)
    this.name = 'MalformedFrameError'
  }
}

export class FrameTooLargeError extends MeshcastError {
  constructor (size: number, limit: number) {
    super('ERR_FRAME_TOO_LARGE', `frame of ${size} bytes is over the limit of ${limit} bytes (option maxFrameBytes)`)
    this.name = 'FrameTooLargeError'
  }
}

/** A node option that cannot be used (a bad `lan` CIDR, a negative limit...). */
export class InvalidOptionError extends MeshcastError {
  constructor (message: string) {
    super('ERR_INVALID_ARGUMENT', message)
    this.name = 'InvalidOptionError'
  }
}

/** An acknowledged publish was not acknowledged by the topic's root set in time. */
export class PublishNotAcknowledgedError extends MeshcastError {
  readonly topic: string
  readonly seq: number

  constructor (topic: string, seq: number, timeoutMs: number) {
    super('ERR_PUBLISH_NOT_ACKNOWLEDGED', `publish ${seq} to ${topic} was not acknowledged within ${timeoutMs} ms (option ackTimeoutMs)`)
    this.name = 'PublishNotAcknowledgedError'
    this.topic = topic
    this.seq = seq
  }
}

/** The node stopped while the operation waited. */
export class NodeStoppedError extends MeshcastError {
  constructor (what: string) {
    super('ERR_NODE_STOPPED', `the node stopped before ${what}`)
    this.name = 'NodeStoppedError'
  }
}

/** A request's topic has no subscriber (the root said so): nobody can answer. */
export class NoRespondersError extends MeshcastError {
  readonly topic: string

  constructor (topic: string) {
    super('ERR_NO_RESPONDERS', `no responders on ${topic}: the topic has no subscriber`)
    this.name = 'NoRespondersError'
    this.topic = topic
  }
}

/** No reply to a request within its timeout. */
export class RequestTimeoutError extends MeshcastError {
  readonly topic: string

  constructor (topic: string, timeoutMs: number) {
    super('ERR_REQUEST_TIMEOUT', `no reply to the request on ${topic} within ${timeoutMs} ms`)
    this.name = 'RequestTimeoutError'
    this.topic = topic
  }
}

/** Another running node holds the data directory (its key, mailboxes and control socket). */
export class DataDirLockedError extends MeshcastError {
  readonly dataDir: string
  readonly pid: number

  constructor (dataDir: string, pid: number) {
    super('ERR_DATA_DIR_LOCKED', `another meshcast node (pid ${pid}) is running with the data directory ${dataDir}: stop it first, or give another directory`)
    this.name = 'DataDirLockedError'
    this.dataDir = dataDir
    this.pid = pid
  }
}

/** A grant, revocation or authority key that does not parse, or whose signature does not check out. */
export class InvalidGrantError extends MeshcastError {
  constructor (message: string) {
    super('ERR_INVALID_GRANT', message)
    this.name = 'InvalidGrantError'
  }
}

/** A node without a mesh authority, and not told to run an open mesh. */
export class NoAuthorityError extends MeshcastError {
  constructor () {
    super('ERR_NO_AUTHORITY', 'no mesh authority: give the authority\'s public key and this node\'s grant (createNode({ authority: { key, grant } }), meshcast node --authority KEY --grant FILE), or run an open mesh where any peer is trusted ({ open: true }, --open)')
    this.name = 'NoAuthorityError'
  }
}

/** This node's grant does not allow the operation on the topic. */
export class NotGrantedError extends MeshcastError {
  readonly topic: string

  constructor (what: 'publish' | 'subscribe', topic: string) {
    super('ERR_NOT_GRANTED', `this node's grant does not allow it to ${what} on ${topic}`)
    this.name = 'NotGrantedError'
    this.topic = topic
  }
}
