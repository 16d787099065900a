// A server component: the workspace's devices, listed with the API key on every request.
import { SeamClient } from 'seam-wasm'

export const dynamic = 'force-dynamic'

export default async function Home() {
  const seam = SeamClient.fromApiKey(process.env.SEAM_API_KEY, { endpoint: process.env.SEAM_ENDPOINT })
  const devices = await seam.devices.list()
  return <pre id="out">{JSON.stringify({ devices: devices.map((d) => d.device_id).sort() })}</pre>
}
