// Z85 (ZeroMQ RFC 32), the text form zeromq.js uses for CURVE keys. ZAP hands the handler the
// client's key as 32 raw bytes; this turns them into the 40 characters the node knows.
const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#'

export function z85Encode (bytes: Uint8Array): string {
  if (bytes.byteLength % 4 !== 0) throw new RangeError('z85: length must be a multiple of 4')
  let out = ''
  for (let i = 0; i < bytes.byteLength; i += 4) {
    let v = ((bytes[i] << 24) >>> 0) + (bytes[i + 1] << 16) + (bytes[i + 2] << 8) + bytes[i + 3]
    let chunk = ''
    for (let j = 0; j < 5; j++) {
      chunk = ALPHABET[v % 85] + chunk
      v = Math.floor(v / 85)
    }
    out += chunk
  }
  return out
}

/** A CURVE public key in Z85: 40 characters of the alphabet. */
export function isZ85Key (s: string): boolean {
  if (s.length !== 40) return false
  for (const c of s) if (!ALPHABET.includes(c)) return false
  return true
}
