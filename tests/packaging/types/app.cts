// A CommonJS file of the same application: the package is ESM, so a CommonJS file reaches it
// with a dynamic import, and its types with a type-only import.

import type { Device, SeamClient } from 'seam-wasm' with { 'resolution-mode': 'import' }

export async function listDevices(token: string): Promise<Device[]> {
  const { SeamClient: Client } = await import('seam-wasm')
  const client: SeamClient = Client.fromClientSessionToken(token)
  return client.devices.list()
}
