// The demo app: sign in with a publishable key and a user identifier key, list the user's
// devices, lock and unlock, read thermostats and access codes, sign out. It uses the package
// straight from ../pkg, with no bundler.
//
// Query parameters: `endpoint` (default http://127.0.0.1:8787, where `make demo` puts Seam's fake)
// and `publishableKey` (default the fake's seeded one). Tokens never go in the URL, and nothing
// here stores the user identifier key: after a reload, the session the package kept is resumed.

const params = new URLSearchParams(location.search)
const endpoint = params.get('endpoint') || 'http://127.0.0.1:8787'
const publishableKey = params.get('publishableKey') || 'seam_pk1_token'

const $ = (id) => document.getElementById(id)
function el(tag, props = {}, ...children) {
  const node = Object.assign(document.createElement(tag), props)
  node.append(...children)
  return node
}

let seam = null // the package
let client = null

// What went wrong, in words a user can act on. Everything is written with textContent.
function explain(error) {
  const is = (name) => seam?.[`is${name}`]?.(error)
  if (is('SeamHttpInvalidTokenError')) return `This page's publishable key is not valid: ${error.message}`
  if (is('SeamHttpTimeoutError')) return `The Seam API at ${endpoint} did not answer in time. Try again in a moment.`
  if (is('SeamHttpNetworkError')) return `The Seam API at ${endpoint} cannot be reached. Check the connection and try again.`
  if (is('SeamHttpInvalidResponseError') && error.statusCode >= 500) return `The Seam API is having trouble (HTTP ${error.statusCode}). Try again in a moment.`
  if (is('SeamHttpUnauthorizedError')) return 'Your session has ended. Please sign in again.'
  if (is('SeamHttpSignedOutError')) return 'You are signed out.'
  if (is('SeamActionAttemptFailedError')) return `The device could not do it: ${error.message}`
  if (is('SeamActionAttemptTimeoutError')) return 'The device did not answer in time; it may still act.'
  if (is('SeamHttpInvalidOptionsError')) return `This page is set up wrongly: ${error.message}`
  return `${error?.name ?? 'Error'}: ${error?.message ?? String(error)}`
}

function showError(error) {
  $('error').textContent = error ? explain(error) : ''
  // A dead session means signing in again.
  if (error && (seam?.isSeamHttpUnauthorizedError(error) || seam?.isSeamHttpSignedOutError(error))) showSignIn()
}

function setStatus(text) {
  $('status').textContent = text
}

function showSignIn() {
  client = null
  $('signed-in').hidden = true
  $('sign-in').hidden = false
  $('devices').replaceChildren()
  setStatus('Signed out')
}

async function showSignedIn(signedIn) {
  client = signedIn
  $('sign-in').hidden = true
  $('signed-in').hidden = false
  await loadDevices()
}

async function loadDevices() {
  setStatus('Loading devices…')
  const devices = await client.devices.list()
  $('devices').replaceChildren(...devices.map(renderDevice))
  setStatus(`Signed in · ${devices.length} device${devices.length === 1 ? '' : 's'}`)
}

const isLock = (device) => typeof device.properties?.locked === 'boolean'
const isThermostat = (device) => /thermostat/.test(device.device_type ?? '') || device.properties?.temperature_celsius !== undefined

function renderDevice(device) {
  const item = el('li', { className: 'device' })
  item.dataset.deviceId = device.device_id
  const title = el('strong', { className: 'name', textContent: device.properties?.name ?? device.display_name ?? device.device_id })
  const badge = isLock(device)
    ? el('span', { className: 'badge lock', textContent: device.properties.locked ? 'locked' : 'unlocked' })
    : el('span', { className: 'badge', textContent: device.properties?.online === false ? 'offline' : (device.device_type ?? 'device') })
  if (isLock(device)) badge.dataset.locked = String(device.properties.locked)
  item.append(el('header', {}, title, badge), el('div', { className: 'id', textContent: `${device.device_id} · ${device.device_type ?? ''}` }))

  const actions = el('div', { className: 'actions' })
  const progress = el('span', { className: 'progress' })
  const panel = el('div', { className: 'panel' })
  if (isLock(device)) {
    actions.append(
      button('Unlock', 'unlock', () => act(device, 'unlockDoor', ['Unlocking', 'Unlocked'], progress, item)),
      button('Lock', 'lock', () => act(device, 'lockDoor', ['Locking', 'Locked'], progress, item)),
      button('Access codes', 'access-codes', () => showAccessCodes(device, panel)),
    )
  }
  if (isThermostat(device)) panel.append(...thermostatReadings(device))
  actions.append(progress)
  if (isLock(device)) item.append(actions)
  item.append(panel)
  return item
}

function button(text, action, onClick) {
  const b = el('button', { type: 'button', textContent: text })
  b.dataset.action = action
  b.addEventListener('click', async () => {
    b.disabled = true
    try {
      await onClick()
    } finally {
      b.disabled = false
    }
  })
  return b
}

// Locks or unlocks, showing the action attempt as it goes: the package polls it until the device
// has acted (or failed), then the device is read again for its new state.
async function act(device, method, [doing, done], progress, item) {
  progress.dataset.state = 'pending'
  progress.textContent = `${doing}… waiting for the device`
  showError(null)
  try {
    const attempt = await client.locks[method]({ device_id: device.device_id })
    progress.dataset.state = 'success'
    progress.textContent = `${done}: action attempt ${attempt.status}`
    const fresh = await client.devices.get({ device_id: device.device_id })
    const badge = item.querySelector('.lock')
    badge.dataset.locked = String(fresh.properties.locked)
    badge.textContent = fresh.properties.locked ? 'locked' : 'unlocked'
  } catch (error) {
    progress.dataset.state = 'error'
    progress.textContent = explain(error)
    showError(error)
  }
}

function thermostatReadings(device) {
  const p = device.properties ?? {}
  const readings = [
    ['Temperature', p.temperature_celsius !== undefined && `${p.temperature_celsius} °C`],
    ['Humidity', p.relative_humidity !== undefined && `${Math.round(p.relative_humidity * 100)} %`],
    ['Mode', p.current_climate_setting?.hvac_mode_setting],
    ['Heat to', p.current_climate_setting?.heating_set_point_celsius !== undefined && `${p.current_climate_setting.heating_set_point_celsius} °C`],
    ['Cool to', p.current_climate_setting?.cooling_set_point_celsius !== undefined && `${p.current_climate_setting.cooling_set_point_celsius} °C`],
  ].filter(([, value]) => value)
  const list = el('div', { className: 'thermostat' })
  list.textContent = readings.length ? readings.map(([k, v]) => `${k}: ${v}`).join(' · ') : 'No readings'
  return [list]
}

async function showAccessCodes(device, panel) {
  panel.textContent = 'Loading access codes…'
  try {
    const codes = await client.accessCodes.list({ device_id: device.device_id })
    panel.textContent = codes.length
      ? `Access codes: ${codes.map((c) => `${c.name ?? c.access_code_id}${c.code ? ` (${c.code})` : ''}`).join(', ')}`
      : 'No access codes on this device.'
    panel.dataset.accessCodes = String(codes.length)
  } catch (error) {
    panel.textContent = explain(error)
  }
}

async function main() {
  $('endpoint').textContent = endpoint
  $('publishable-key').textContent = publishableKey
  // Imported here rather than at the top, so that a missing build shows up in #error too.
  seam = await import('../pkg/index.js')
  const { SeamClient } = seam

  $('sign-in-form').addEventListener('submit', async (event) => {
    event.preventDefault()
    const submit = $('sign-in-button')
    submit.disabled = true
    showError(null)
    setStatus('Signing in…')
    try {
      await showSignedIn(await SeamClient.fromPublishableKey(publishableKey, $('user-identifier-key').value, { endpoint }))
    } catch (error) {
      setStatus('Not signed in')
      showError(error)
    } finally {
      submit.disabled = false
    }
  })
  $('sign-out').addEventListener('click', () => {
    client?.signOut()
    showError(null)
    showSignIn()
  })
  $('refresh').addEventListener('click', () => loadDevices().catch(showError))

  // A user who signed in before (in this tab or another) is still signed in.
  const resumed = SeamClient.fromStoredPublishableKeySession(publishableKey, { endpoint })
  if (resumed) await showSignedIn(resumed)
  else showSignIn()
}

main().catch((error) => {
  setStatus('Failed')
  showError(error)
})
