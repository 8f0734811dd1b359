// The SCRIBE paper's published figures we compare with: M. Castro, P. Druschel, A.-M.
// Kermarrec, A. Rowstron, "SCRIBE: A large-scale and decentralized application-level multicast
// infrastructure", IEEE JSAC 20(8):1489-1499, October 2002, section V (experimental
// evaluation). The paper could not be consulted while this was written (no network access):
// every number below is quoted from memory and marked so. Numbers we could not recall with
// reasonable confidence are left out (null) rather than guessed.

export interface PublishedFigure {
  /** What is measured, in our words. */
  what: string
  value: number | null
  /** Where in the paper. */
  where: string
  /** 'recalled' = quoted from memory, not confirmed against the text. */
  status: 'recalled' | 'not recalled'
  note?: string
}

export const PAPER_CITATION = 'M. Castro, P. Druschel, A.-M. Kermarrec, A. Rowstron, "SCRIBE: A large-scale and decentralized application-level multicast infrastructure", IEEE JSAC 20(8):1489-1499, Oct. 2002'

export const PAPER_SETUP = {
  routers: 5050,
  endNodes: 100_000,
  groups: 1500,
  groupSizes: 'floor(N · r^-1.25 + 0.5) members for the group of rank r, members uniform',
  topology: 'GT-ITM transit-stub, 5,050 routers; end nodes attached to routers uniformly at random by a LAN link',
  lanMs: 1,
  /** Recalled: "the average delay of core links ... approximately 40 ms". */
  meanCoreLinkMs: 40,
  overlay: 'Pastry, b = 4, leaf set 16, proximity-aware routing tables',
  smallGroups: '50,000 nodes, 30,000 groups of 11 members each'
} as const

/** Keys match our result's fields. */
export const PUBLISHED: Record<string, PublishedFigure> = {
  radP50: { what: 'RAD, median over groups', value: 1.68, where: 'sec. V, delay penalty', status: 'recalled', note: '"for 50% of groups, a RAD of at most 1.68"' },
  radMax: { what: 'RAD, maximum over groups', value: 2, where: 'sec. V, delay penalty', status: 'recalled' },
  rmdP50: { what: 'RMD, median over groups', value: 1.69, where: 'sec. V, delay penalty', status: 'recalled' },
  rmdMax: { what: 'RMD, maximum over groups', value: 4.26, where: 'sec. V, delay penalty', status: 'recalled' },
  radMean: { what: 'RAD, mean over groups', value: null, where: 'sec. V, delay penalty', status: 'not recalled' },
  tablesMean: { what: 'non-empty children tables per node, mean', value: 2.4, where: 'sec. V, node stress', status: 'recalled' },
  tablesMax: { what: 'non-empty children tables per node, maximum', value: null, where: 'sec. V, node stress', status: 'not recalled' },
  entriesMean: { what: 'children table entries per node, mean', value: 6.2, where: 'sec. V, node stress', status: 'recalled' },
  entriesMax: { what: 'children table entries per node, maximum', value: 1059, where: 'sec. V, node stress', status: 'recalled' },
  linkMax: { what: 'link stress, maximum (Scribe)', value: 4031, where: 'sec. V, link stress', status: 'recalled' },
  ipLinkMax: { what: 'link stress, maximum (IP multicast)', value: 950, where: 'sec. V, link stress', status: 'recalled' },
  linkMean: { what: 'link stress, mean (Scribe)', value: 2.4, where: 'sec. V, link stress', status: 'recalled', note: 'we cannot reproduce the definition behind this mean (over which links); compare maxima and ratios, not means' },
  ipLinkMean: { what: 'link stress, mean (IP multicast)', value: 0.7, where: 'sec. V, link stress', status: 'recalled', note: 'as for the Scribe mean' },
  bottleneckCap: { what: 'bottleneck remover: children entries per node bounded by', value: 64, where: 'sec. V, bottleneck remover', status: 'recalled', note: 'its effect on RAD and link stress is shown in the paper; we do not recall the figures' },
  smallGroupsLinkMean: { what: 'many small groups: link stress, mean (Scribe)', value: null, where: 'sec. V, many small groups', status: 'not recalled', note: 'the paper reports that trees of small groups have long chains of non-member forwarders and proposes collapsing them' }
}
