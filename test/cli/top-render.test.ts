// meshcast top's screen from two samples, without a node: rates are counter differences over
// the elapsed time, topics are sorted by activity, and the screen fits the rows and columns given.
import { describe, expect, it } from 'vitest'
import { formatRate, renderTop, topSnapshot } from '../../src/cli/top-render.ts'
import type { TopSample } from '../../src/cli/top-render.ts'
import type { NodeStats, NodeTopicView, PeerPath } from '../../src/node/mesh-node.ts'
import type { TopicCounts } from '../../src/node/topic-counters.ts'

const PEER = '12D3KooWQmJrH7fN3yDz1sd6sCcvLdZ9xWbR8s1MHbAqo4fW1zXy'
const PARENT = '12D3KooWAbCdEfGhJkLmNoPqRsTuVwXyZ123456789abcdefghiK7Qz9a'

function counts (published: number, delivered: number, forwarded: number): TopicCounts {
  return { published, delivered, forwarded }
}

function topic (name: string, c: TopicCounts, extra: Partial<NodeTopicView> = {}): NodeTopicView {
  return {
    topic: name, subscribed: true, role: 'forwarder', parent: PARENT, root: PARENT, attached: true,
    children: ['c1', 'c2'], depth: 2, subscribers: 5, dropped: {}, counts: c, ...extra
  }
}

function lane (peer: string, state: 'up' | 'connecting' | 'down'): PeerPath {
  return {
    peer,
    path: state === 'up' ? 'zeromq' : 'libp2p',
    lane: { peer, state, endpoint: 'tcp://127.0.0.1:1', queued: 0, framesSent: 0, failures: 0, lastError: '' },
    dataFrames: { zeromq: 0, libp2p: 0 }
  }
}

/** The parts of NodeStats the screen reads. */
function sample (time: number, total: TopicCounts, topics: NodeTopicView[], over: Partial<NodeStats> = {}): TopSample {
  const stats = {
    core: { repairs: 3, rootTakeovers: 1, handovers: 2 },
    lan: { framesSent: 0 },
    dropped: {},
    paths: [],
    counts: total,
    queued: { libp2p: 7, zeromq: 11 },
    pending: 13,
    peers: 4,
    routingTable: 9,
    ...over
  } as unknown as NodeStats
  return { peerId: PEER, time, stats, topics }
}

describe('renderTop', () => {
  it('computes node-wide and per-topic rates from counter differences over the elapsed time', () => {
    const prev = sample(0, counts(100, 40, 1000), [topic('orders', counts(10, 20, 30))])
    const cur = sample(1500, counts(250, 40, 1600), [topic('orders', counts(40, 20, 90))])
    const s = topSnapshot(prev, cur, 2000)
    expect(s.rates).toEqual({ published: 75, delivered: 0, forwarded: 300 })
    expect(s.topics[0].rates).toEqual({ published: 15, delivered: 0, forwarded: 30 })

    const lines = renderTop(prev, cur, 2000, { rows: 40, columns: 120 })
    expect(lines).toContain('msgs/s   published 75.0  delivered 0.0  forwarded 300')
    expect(lines).toContain('peers 4  routing table 9  topics 1  rates over 2.0s')
    const row = lines.find(l => l.startsWith('orders'))
    expect(row?.split(/ +/)).toEqual(['orders', 'forwarder', '2', '…K7Qz9a', '2', '5', '15.0', '0.0', '30.0', '0'])
  })

  it('shows no rates for a first sample, nor for a topic the earlier sample did not have', () => {
    const first = sample(0, counts(5, 5, 5), [topic('a', counts(5, 5, 5))])
    expect(topSnapshot(undefined, first, 0).rates).toEqual({ published: null, delivered: null, forwarded: null })
    expect(renderTop(undefined, first, 0, { rows: 40, columns: 120 })).toContain('msgs/s   published -  delivered -  forwarded -')
    const next = sample(1000, counts(9, 9, 9), [topic('a', counts(6, 6, 6)), topic('b', counts(3, 3, 3))])
    const s = topSnapshot(first, next, 1000)
    expect(s.topics.find(t => t.topic === 'a')?.rates).toEqual({ published: 1, delivered: 1, forwarded: 1 })
    expect(s.topics.find(t => t.topic === 'b')?.rates).toEqual({ published: null, delivered: null, forwarded: null })
  })

  it('sorts topics by activity: the busiest now, not the biggest counters or the name', () => {
    const prev = sample(0, counts(0, 0, 0), [topic('aaa', counts(0, 1_000_000, 0)), topic('quiet', counts(0, 0, 0)), topic('zzz', counts(0, 0, 0))])
    const cur = sample(1000, counts(0, 0, 0), [topic('aaa', counts(0, 1_000_001, 0)), topic('quiet', counts(0, 0, 0)), topic('zzz', counts(0, 50, 50))])
    expect(topSnapshot(prev, cur, 1000).topics.map(t => t.topic)).toEqual(['zzz', 'aaa', 'quiet'])
  })

  it('shows queues, drops by reason with their rates, lanes by path and state, repairs', () => {
    const over = { paths: [lane('p1', 'up'), lane('p2', 'up'), lane('p3', 'connecting')], dropped: { 'lane-queue-full': 4 } }
    const prev = sample(0, counts(0, 0, 0), [], over)
    const cur = sample(1000, counts(0, 0, 0), [topic('t', counts(0, 0, 0), { dropped: { 'peer-down': 2, 'slow-consumer': 3 } })], { ...over, dropped: { 'lane-queue-full': 10, 'peer-down': 2 } })
    const lines = renderTop(prev, cur, 2000, { rows: 40, columns: 120 })
    expect(lines).toContain('queues   libp2p 7  zeromq 11  pending 13')
    expect(lines).toContain('dropped  lane-queue-full 10 (3.0/s)  peer-down 2 (1.0/s)')
    expect(lines).toContain('lanes    zeromq 2  libp2p 1  (connecting 1, up 2)')
    expect(lines).toContain('tree     repairs 3  root takeovers 1  handovers 2')
    expect(lines.find(l => l.startsWith('t '))?.trimEnd()).toMatch(/ 5$/) // the topic's drops, all reasons
    expect(renderTop(prev, sample(1000, counts(0, 0, 0), [], { lan: undefined }), 1000, { rows: 40, columns: 120 }))
      .toContain('lanes    off (libp2p only, 0 peers)')
  })

  it('fits the rows and columns given: long names cut, topics past the last row counted', () => {
    const names = Array.from({ length: 50 }, (_, i) => `topic-${String(i).padStart(2, '0')}-${'x'.repeat(60)}`)
    const prev = sample(0, counts(0, 0, 0), names.map(n => topic(n, counts(0, 0, 0))))
    const cur = sample(1000, counts(0, 0, 0), names.map((n, i) => topic(n, counts(0, 50 - i, 0))))
    const lines = renderTop(prev, cur, 1000, { rows: 20, columns: 100 })
    expect(lines).toHaveLength(20)
    expect(lines.every(l => l.length <= 100)).toBe(true)
    expect(lines[0]).toMatch(/^meshcast top  12D3KooW/)
    const rows = lines.filter(l => l.startsWith('topic-'))
    expect(rows).toHaveLength(20 - 8 - 1 - 1) // header, table header, and the "more" line
    expect(rows[0]).toMatch(/^topic-00-x+… +forwarder/) // busiest first, name cut to fit
    expect(rows[0].length).toBeLessThanOrEqual(100)
    expect(lines[19]).toBe(`… ${50 - rows.length} more topics`)

    const narrow = renderTop(prev, cur, 1000, { rows: 5, columns: 30 })
    expect(narrow).toHaveLength(5)
    expect(narrow.every(l => l.length <= 30)).toBe(true)
    expect(narrow[0]).toBe('meshcast top  12D3KooWQmJrH7f…')
  })

  it('formats rates compactly', () => {
    expect([null, 0, 0.04, 12.345, 99.96, 123.4, 9999, 12_345, 99_960, 456_789, 999_999, 12_345_678].map(formatRate))
      .toEqual(['-', '0.0', '0.0', '12.3', '100', '123', '9999', '12.3k', '100k', '457k', '1.0M', '12.3M'])
  })
})
