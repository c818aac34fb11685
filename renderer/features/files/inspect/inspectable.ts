// Which files are worth asking files:inspect about, decided from the first page the viewer has
// already read: an ELF header, PEM blocks, or what starts like a DER certificate.

const ELF_MAGIC = [0x7f, 0x45, 0x4c, 0x46]
const PEM_BEGIN = '-----BEGIN '

export function isInspectable(bytes: Uint8Array): boolean {
  if (ELF_MAGIC.every((b, i) => bytes[i] === b)) return true
  if (bytes[0] === 0x30 && (bytes[1] === 0x82 || bytes[1] === 0x83) && bytes.length > 64) {
    return true
  }
  // PEM is ASCII: look for the marker in the first 64 KiB without decoding the whole page.
  const head = bytes.subarray(0, 64 * 1024)
  let text = ''
  for (const b of head) text += String.fromCharCode(b)
  return text.includes(PEM_BEGIN)
}
