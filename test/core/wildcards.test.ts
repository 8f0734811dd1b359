// Wildcard patterns and the forwarding to family topics (core/wildcards.ts): which topics a
// pattern takes; which families a topic's messages go to; a family known to be empty is tried
// once per wildcardProbeMs; a message whose route ended here is forwarded once; '$' topics never.
import { describe, expect, it } from 'vitest'
import { coreOptions } from '../../src/core/defaults.ts'
import { familiesOf, originOf, parsePattern, WildcardForwarding } from '../../src/core/wildcards.ts'
import type { CoreContext } from '../../src/core/core-context.ts'
import type { AppMessage } from '../../src/core/wire/types.ts'

const msg = (topic: string, seq = 1): AppMessage => ({ topic, publisher: 'p', epoch: 1, seq, payload: new Uint8Array([1]), headers: [] })

describe('wildcard patterns', () => {
  it.each([
    ['sensors.*.temp', ['sensors.a.temp', 'sensors.b.temp'], ['sensors.a.hum', 'sensors.a.temp.x', 'sensors.temp', 'other.a.temp']],
    ['sensors.>', ['sensors.a', 'sensors.a.b.c'], ['sensors', 'other.a']],
    ['*.temp', ['a.temp'], ['a.b.temp', 'temp']],
    ['sensors/+/temp', ['sensors/a/temp'], ['sensors/a/b/temp', 'sensors.a.temp']],
    ['sensors/#', ['sensors/a', 'sensors/a/b'], ['sensors', 'other/a']]
  ])('%s', (pattern, yes, no) => {
    const p = parsePattern(pattern)
    for (const t of yes) expect(p?.matches(t), t).toBe(true)
    for (const t of no) expect(p?.matches(t), t).toBe(false)
  })

  it('families: by the first token, or the global one for a leading wildcard; plain topics are none', () => {
    expect(parsePattern('sensors.*.temp')?.family).toBe('$WC.sensors')
    expect(parsePattern('sensors/#')?.family).toBe('$WC/sensors')
    expect(parsePattern('>')?.family).toBe('$WC')
    expect(parsePattern('sensors.a.temp')).toBeUndefined()
    expect(familiesOf('sensors.a.temp')).toEqual(['$WC', '$WC.sensors'])
    expect(familiesOf('plant/line-3')).toEqual(['$WC', '$WC/plant'])
    expect(familiesOf('$DLQ.jobs')).toEqual([])
  })
})

describe('forwarding to families', () => {
  function forwarding (counts: Record<string, number>): { f: WildcardForwarding, sent: string[] } {
    const sent: string[] = []
    const ctx = { options: coreOptions({ wildcards: true }) } as unknown as CoreContext
    const f = new WildcardForwarding(ctx, (_now, topic, _p, headers) => { sent.push(`${topic} ${headers.map(h => h.value).join(' ')}`) }, t => counts[t])
    return { f, sent }
  }

  it('forwards to families with subscribers or not known yet, with the origin in headers', () => {
    const { f, sent } = forwarding({ '$WC.sensors': 2 })
    f.entered(0, msg('sensors.a.temp', 7), false)
    expect(sent).toEqual(['$WC sensors.a.temp p 7 1', '$WC.sensors sensors.a.temp p 7 1'])
  })

  it('tries a family known to be empty once per wildcardProbeMs', () => {
    const { f, sent } = forwarding({ $WC: 0, '$WC.sensors': 0 })
    const probe = coreOptions({}).wildcardProbeMs
    for (let i = 0; i < 10; i++) f.entered(i * 10, msg('sensors.a.temp', i + 1), false)
    expect(sent).toHaveLength(2) // the first message, to each family
    f.entered(probe + 1, msg('sensors.a.temp', 11), false)
    expect(sent).toHaveLength(4)
  })

  it('the family message turns back into the original (topic, publisher, number, headers); a malformed origin into nothing', () => {
    const published: AppMessage[] = []
    const ctx = { options: coreOptions({ wildcards: true }) } as unknown as CoreContext
    const f = new WildcardForwarding(ctx, (_now, topic, payload, headers) => { published.push({ topic, publisher: 'root', epoch: 9, seq: 1, payload, headers }) }, () => 1)
    f.entered(0, { ...msg('sensors.a.temp', 42), headers: [{ key: 'unit', value: 'C' }] }, false)
    expect(published).toHaveLength(2)
    expect(originOf(published[1])).toEqual({ topic: 'sensors.a.temp', publisher: 'p', epoch: 1, seq: 42, payload: new Uint8Array([1]), headers: [{ key: 'unit', value: 'C' }] })
    expect(originOf({ ...published[1], headers: [{ key: 'meshcast-topic', value: 'x' }] })).toBeNull()
  })

  it('forwards a message whose route ended here once, even if it comes again', () => {
    const { f, sent } = forwarding({ $WC: 1 })
    f.entered(0, msg('x', 3), true)
    f.entered(5, msg('x', 3), true)
    expect(sent).toEqual(['$WC x p 3 1'])
    f.entered(0, msg('$WC.x'), false)
    expect(sent).toHaveLength(1)
  })
})
