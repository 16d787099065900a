// A Cloudflare worker: lists the workspace's devices with the API key, from its bindings.
import { SeamClient } from 'seam-wasm'

export default {
  async fetch(request, env) {
    const seam = SeamClient.fromApiKey(env.SEAM_API_KEY, { endpoint: env.SEAM_ENDPOINT })
    const devices = await seam.devices.list()
    return Response.json({ devices: devices.map((d) => d.device_id).sort() })
  },
}
