// The `meshcast` command. Thin: parses arguments, calls the library, prints. The simulator
// is loaded only for `meshcast sim` (a node never needs it).
import { CommandFailed, UsageError } from './args.ts'
import { MeshcastError } from '../core/errors.ts'
import { NODE_HELP, runNode } from './node-cmd.ts'
import { PEERS_HELP, PUB_HELP, runInfo, runPub, runSub, STATS_HELP, SUB_HELP, TOPICS_HELP } from './client-cmds.ts'
import { runTop, TOP_HELP } from './top.ts'
import { REPLY_HELP, REQUEST_HELP, runReply, runRequest } from './request-cmds.ts'
import { AUTHORITY_HELP, GRANT_HELP, ID_HELP, REVOKE_HELP, runAuthority, runGrant, runId, runRevoke, runTopicKey, TOPIC_KEY_HELP } from './security-cmds.ts'

const HELPS: Record<string, string> = { node: NODE_HELP, pub: PUB_HELP, sub: SUB_HELP, peers: PEERS_HELP, topics: TOPICS_HELP, stats: STATS_HELP, top: TOP_HELP, request: REQUEST_HELP, reply: REPLY_HELP, authority: AUTHORITY_HELP, id: ID_HELP, grant: GRANT_HELP, revoke: REVOKE_HELP, 'topic-key': TOPIC_KEY_HELP }

async function helpOf (command: string | undefined): Promise<string> {
  if (command === 'sim') return (await import('./sim.ts')).SIM_HELP
  return HELPS[command ?? ''] ?? HELP
}

export const HELP = `Usage: meshcast <command> [options]

Commands:
  authority  create the mesh's authority key (meshcast authority init)
  id       print the peer id of a node's data directory
  grant    sign a grant: what a peer may publish and subscribe to, until when
  revoke   sign a revocation of a peer's grants (and hand it to a running node)
  topic-key  make a key for end-to-end encryption of a topic (handed out with grants)
  node     run a node (meshcast node --data DIR --authority KEY)
  pub      publish a message or stdin lines to a topic
  sub      print the messages of a topic
  request  send a request to a topic and print the first reply
  reply    answer the requests sent to a topic
  peers    the peers a running node is connected to
  topics   the trees a running node is in, with messages dropped per topic
  stats    a running node's counters: transports, ZeroMQ lanes, drops by reason
  top      a live view of a running node: rates, queues, drops, lanes, busiest topics
  sim      run the deterministic simulator

Run 'meshcast <command> --help' for a command's options.
`

export async function main (argv: string[], io = { stdout: (s: string) => { process.stdout.write(s) }, stderr: (s: string) => { process.stderr.write(s) } }): Promise<number> {
  const [command, ...rest] = argv
  try {
    switch (command) {
      case 'sim':
        (await import('./sim.ts')).runSim(rest, io)
        return 0
      case 'node': return await runNode(rest, io)
      case 'authority': return await runAuthority(rest, io)
      case 'id': return await runId(rest, io)
      case 'grant': return await runGrant(rest, io)
      case 'revoke': return await runRevoke(rest, io)
      case 'topic-key': return await runTopicKey(rest, io)
      case 'pub': return await runPub(rest, io)
      case 'sub': return await runSub(rest, io)
      case 'top': return await runTop(rest, io)
      case 'request': return await runRequest(rest, io)
      case 'reply': return await runReply(rest, io)
      case 'peers':
      case 'topics':
      case 'stats':
        return await runInfo(command, rest, io)
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        io.stdout(HELP)
        return command === undefined ? 2 : 0
      default:
        throw new UsageError(`unknown command '${command}'`)
    }
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`meshcast: ${err.message}\n\n${await helpOf(command)}`)
      return 2
    }
    if (err instanceof CommandFailed || (err instanceof MeshcastError && (err.code === 'ERR_PUBLISH_NOT_ACKNOWLEDGED' || err.code === 'ERR_NODE_STOPPED'))) {
      io.stderr(`meshcast: ${err.message}\n`)
      return 1
    }
    if (err instanceof Error && err.name === 'ScenarioFailure') {
      io.stderr(`meshcast sim: invariant violated: ${err.message}\n`)
      return 1
    }
    throw err
  }
}
