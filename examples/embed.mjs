// Embedding meshcast: three nodes on loopback (createTestnet), one subscribes, another
// publishes. In a service you would call createNode({ bootstrap: [...] }) once instead.
// Run where meshcast is installed: node embed.mjs (in this repository: node --conditions=meshcast-source examples/embed.mjs)
import { createTestnet } from 'meshcast'

const net = await createTestnet(3)
const [a, , c] = net.nodes
const sub = a.subscribe('orders')
await sub.ready                                  // the tree acknowledged: nothing published from now on is lost to a slow join
await c.publish('orders', JSON.stringify({ id: 42, item: 'coffee' }))
for await (const m of sub) {
  console.log(`${m.topic}: order ${m.json().id} from ${m.publisher.slice(0, 12)}…`)
  break
}
await net.stop()
