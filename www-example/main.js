// Lists the devices of one client session, using the package straight from ../pkg (no bundler).
//
// Query parameter `endpoint`: the API base URL (default http://127.0.0.1:8787, where the demo
// script puts the fake). Tokens never go in the URL: the page uses the client session token that
// the fake is seeded with.

const endpoint = new URLSearchParams(location.search).get('endpoint') || 'http://127.0.0.1:8787'
const SEEDED_CLIENT_SESSION_TOKEN = 'seam_cst1_token'

const $ = (id) => document.getElementById(id)

// Everything user-controlled is written with textContent, never parsed as HTML.
function showError(error) {
  $('status').textContent = 'Failed'
  $('error').textContent = `${error?.name ?? 'Error'}: ${error?.message ?? String(error)}`
}

function renderDevice(device) {
  const item = document.createElement('li')
  item.dataset.deviceId = device.device_id
  const name = document.createElement('strong')
  name.className = 'name'
  name.textContent = device.properties?.name ?? device.display_name ?? device.device_id
  const id = document.createElement('div')
  id.className = 'id'
  id.textContent = device.device_id
  item.append(name, id)
  const locked = device.properties?.locked
  if (typeof locked === 'boolean') {
    const state = document.createElement('span')
    state.className = 'lock'
    state.dataset.locked = String(locked)
    state.textContent = locked ? 'locked' : 'unlocked'
    item.prepend(state)
  }
  return item
}

async function main() {
  $('endpoint').textContent = endpoint
  $('mode').textContent = "the fake's seeded client session token"

  // Imported here rather than at the top, so that a missing build shows up in #error too.
  const { SeamClient } = await import('../pkg/index.js')
  const client = SeamClient.fromClientSessionToken(SEEDED_CLIENT_SESSION_TOKEN, { endpoint })

  const devices = await client.devices.list()
  $('devices').replaceChildren(...devices.map(renderDevice))
  $('status').textContent = `${devices.length} device${devices.length === 1 ? '' : 's'}`
}

main().catch(showError)
