// Request/reply in the core, on the simulator (issue 13, item 3): a request is a publish with a
// `reply` header; the responder's core sends a Reply straight to the requesting node, which
// hears it as a 'reply' event with the request's number, without passing through the tree.
import { describe, expect, it } from 'vitest'
import { network, pick } from './helpers.ts'

const TOPIC = 'svc.echo'

describe('request/reply in the core', () => {
  it('the responder answers the request straight to the requester (one Reply per request, no tree traffic)', () => {
    const net = network(60)
    const [requester, responder, bystander] = pick(net.sim, 3, [net.rootOf(TOPIC)])
    net.subscribe(responder, TOPIC)
    net.subscribe(bystander, 'other')
    net.run(3000)
    const replies: Array<{ node: number, from: string, request: number, text: string }> = []
    net.sim.hooks.event = (node, e) => {
      if (e.type === 'reply') replies.push({ node: node.index, from: e.from, request: e.request, text: new TextDecoder().decode(e.payload) })
      // The responder answers every request it is delivered.
      if (e.type === 'deliver' && node.index === responder) {
        const id = Number(e.message.headers.find(h => h.key === 'reply')?.value)
        node.driver.input((core, now) => { core.reply(now, e.message.publisher, e.message.topic, id, new TextEncoder().encode(`re ${id}`)) })
      }
    }
    net.sim.measuring = true
    const sentBefore = net.sim.counters.sent.reply
    for (let id = 1; id <= 5; id++) {
      net.sim.nodes[requester].driver.input((core, now) => core.publish(now, TOPIC, new Uint8Array([id]), [{ key: 'reply', value: String(id) }]))
      net.run(500)
    }
    expect(replies.map(r => [r.node, r.from, r.request, r.text])).toEqual([1, 2, 3, 4, 5].map(id => [requester, net.sim.nodes[responder].ref, id, `re ${id}`]))
    expect(net.sim.counters.sent.reply - sentBefore).toBe(5) // one direct message each, not a tree's worth
  })

  it('a node answering its own request hears the reply locally', () => {
    const net = network(10)
    const [node] = pick(net.sim, 1)
    const got: number[] = []
    net.sim.hooks.event = (n, e) => { if (e.type === 'reply' && n.index === node) got.push(e.request) }
    net.sim.nodes[node].driver.input((core, now) => { core.reply(now, core.ref, TOPIC, 9, new Uint8Array()) })
    net.run(10)
    expect(got).toEqual([9])
  })
})
