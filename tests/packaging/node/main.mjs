// A backend in Node: the package with an API key, against the endpoint given as an argument.
import { SeamClient } from 'seam-wasm'

const [endpoint, apiKey] = process.argv.slice(2)
const seam = SeamClient.fromApiKey(apiKey, { endpoint })
const devices = await seam.devices.list()
const session = await seam.clientSessions.create({ user_identifier_key: `user_${Date.now()}` })
console.log(JSON.stringify({ devices: devices.length, token: session.token.startsWith('seam_cst') }))
