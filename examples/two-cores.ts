// Two protocol cores wired together by hand: the smallest meshcast program. The "network" is
// the loop that moves each core's transmits to the other; the real node and the simulator do
// exactly this with sockets and virtual time. Run: node examples/two-cores.ts
import { MeshCore, Rng } from 'meshcast'

const a = new MeshCore({ ref: 'a', id: new Rng(1).bytes(32), rng: new Rng(1), now: 0 })
const b = new MeshCore({ ref: 'b', id: new Rng(2).bytes(32), rng: new Rng(2), now: 0 })
const byRef = new Map([['a', a], ['b', b]])
a.handlePeerUp(0, 'b', b.id) // a connection between them
b.handlePeerUp(0, 'a', a.id)

function network (now: number): void {
  for (let moved = true; moved;) {
    moved = false
    for (const from of [a, b]) {
      for (const { to, msg } of from.drainTransmits()) {
        byRef.get(to)?.handleMessage(now, from.ref, msg)
        moved = true
      }
    }
  }
}

b.subscribe(0, 'greetings')
network(1)
a.publish(2, 'greetings', new TextEncoder().encode('hello from a'))
network(3)
for (const e of b.drainEvents()) {
  if (e.type === 'deliver') console.log(`b got "${new TextDecoder().decode(e.message.payload)}" on ${e.message.topic}`)
}
