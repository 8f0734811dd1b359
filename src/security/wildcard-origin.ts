// Wildcard subscriptions get messages through family topics (src/core/wildcards.ts): the node
// where a message enters its tree re-publishes it there under its own name, with the original
// topic, publisher, number and epoch in headers. A member could publish into a family directly
// and claim any origin. So the forwarding node adds a proof (vouch): the original's seal and
// its publisher's grant; a wildcard subscriber's node delivers a family message only if the
// original it describes carries its publisher's valid seal and that publisher may publish on
// the original topic (originAllowed). A message re-published by its own publisher needs no
// proof: the family message's own seal, checked at every hop, covers the origin headers.
import type { AppMessage, Header } from '../core/wire/types.ts'
import { PROOF_PREFIX } from '../core/wildcards.ts'
import { grantText, parseGrantText } from './authority.ts'
import type { GrantTable } from './grant-table.ts'
import type { SealVerifier } from './message-seal.ts'

const PROOF_SEAL = `${PROOF_PREFIX}seal`
const PROOF_GRANT = `${PROOF_PREFIX}grant`

/** The proof headers for a message entering a family topic here (none for an own, unsealed one). */
export function vouchFor (m: AppMessage, table: GrantTable | undefined, wallNow: number): Header[] {
  if (m.seal === undefined) return []
  const out: Header[] = [{ key: PROOF_SEAL, value: Buffer.from(m.seal).toString('base64url') }]
  const grant = table?.get(m.publisher, wallNow)
  if (grant !== undefined) out.push({ key: PROOF_GRANT, value: grantText(grant.signed) })
  return out
}

export type OriginVerdict = 'ok' | 'forged' | 'notGranted'

/**
 * May the original that family message `family` describes (`origin`, from originOf) be
 * delivered? Its seal must be its publisher's (the family message's own when the publisher
 * re-published it, else the proof's), and that publisher's grant (known here, or the proof's)
 * must allow the original topic. In an open mesh only the seal is checked.
 */
export function originAllowed (family: AppMessage, origin: AppMessage, seals: SealVerifier, table: GrantTable | undefined, wallNow: number): OriginVerdict {
  let proofSeal: string | undefined
  let proofGrant: string | undefined
  for (const h of family.headers) {
    if (h.key === PROOF_SEAL) proofSeal = h.value
    else if (h.key === PROOF_GRANT) proofGrant = h.value
  }
  if (family.publisher !== origin.publisher) {
    if (proofSeal === undefined) return 'forged'
    if (!seals.verify({ ...origin, seal: Buffer.from(proofSeal, 'base64url') })) return 'forged'
  }
  if (table === undefined) return 'ok'
  let grant = table.get(origin.publisher, wallNow)
  if (grant === undefined && proofGrant !== undefined) {
    try {
      grant = table.add(parseGrantText(proofGrant), wallNow)
    } catch {
      return 'notGranted'
    }
  }
  return grant?.grant.peer === origin.publisher && grant.mayPublish(origin.topic) ? 'ok' : 'notGranted'
}
