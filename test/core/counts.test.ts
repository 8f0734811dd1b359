// What publish() reports: the subscriber count the topic's tree gives its publishers.
import { describe, expect, it } from 'vitest'
import { network } from './helpers.ts'

describe('subscriber counts for publishers', () => {
  it('a publisher that first found no tree hears the count once someone subscribes at the root', () => {
    const net = network(2)
    const root = net.rootOf('news')
    const publisher = 1 - root
    net.publish(publisher, 'news', 'nobody yet') // the route ends at the root-to-be: 0 subscribers
    net.run(1000)
    expect(net.sim.nodes[publisher].core.subscribers('news')).toBe(0)
    net.subscribe(root, 'news')
    net.run(1000)
    for (let i = 0; i < 3; i++) { net.publish(publisher, 'news', `m${i}`); net.run(1500) }
    expect(net.deliveredTo('news', 'm2')).toEqual([root])
    expect(net.sim.nodes[publisher].core.subscribers('news')).toBe(1)
  })

  it('a publisher learns a changed count with the next refresh', () => {
    const net = network(40)
    const root = net.rootOf('news')
    const others = net.sim.nodes.map(n => n.index).filter(i => i !== root)
    const [publisher, a, b] = others
    net.subscribe(a, 'news')
    net.run(2000)
    net.publish(publisher, 'news', 'one')
    net.run(2000)
    expect(net.sim.nodes[publisher].core.subscribers('news')).toBe(1)
    net.subscribe(b, 'news')
    net.run(3000)
    net.publish(publisher, 'news', 'two')
    net.run(2000)
    expect(net.sim.nodes[publisher].core.subscribers('news')).toBe(2)
  })
})
