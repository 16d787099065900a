// A backend in Node, Deno or Bun: the package with an API key (the workspace's devices, a client
// session for a new user) and with a publishable key (the seeded user's devices), against the
// endpoint given as an argument.
import { SeamClient } from 'seam-wasm'

const [endpoint, apiKey, publishableKey, userIdentifierKey] = process.argv.slice(2)
const seam = SeamClient.fromApiKey(apiKey, { endpoint })
const devices = await seam.devices.list()
const session = await seam.clientSessions.create({ user_identifier_key: `user_${Date.now()}` })
const user = await SeamClient.fromPublishableKey(publishableKey, userIdentifierKey, { endpoint, storage: 'memory' })
const userDevices = await user.devices.list()
console.log(JSON.stringify({ devices: devices.length, token: session.token.startsWith('seam_cst'), userDevices: userDevices.length }))
