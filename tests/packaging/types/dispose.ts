// Where the user's lib declares Symbol.dispose, a client and a request are Disposable: `using`
// frees them.

import { SeamClient } from 'seam-wasm'

export function tokenOnce(token: string): string | null {
  using client = SeamClient.fromClientSessionToken(token)
  return client.clientSessionToken
}

export async function countOnce(token: string): Promise<number> {
  using client = SeamClient.fromClientSessionToken(token)
  using request = client.devices.list()
  return (await request).length
}
