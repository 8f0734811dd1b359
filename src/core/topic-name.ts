// Topic names: UTF-8 strings of 1..maxTopicBytes bytes.
import { InvalidTopicError } from './errors.ts'
import { utf8ByteLength } from './utf8.ts'

/** Throws InvalidTopicError unless topic is a string of 1..maxTopicBytes UTF-8 bytes. */
export function assertTopic (topic: string, maxTopicBytes: number): void {
  if (typeof topic !== 'string' || topic.length === 0) throw new InvalidTopicError('topic must be a non-empty string')
  const n = utf8ByteLength(topic)
  if (n > maxTopicBytes) throw new InvalidTopicError(`topic of ${n} bytes is over the limit of ${maxTopicBytes} (option maxTopicBytes)`)
}
