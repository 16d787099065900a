// The code every browser fixture runs: the package as users import it. The page's URL says which
// endpoint and token to use; the outcome is written to the page for the test to read.
import { SeamClient, isSeamHttpApiError } from 'seam-wasm'

const params = new URLSearchParams(location.search)
const out = document.querySelector('#out')
try {
  const seam = SeamClient.fromClientSessionToken(params.get('token'), { endpoint: params.get('endpoint'), storage: 'memory' })
  const devices = await seam.devices.list()
  let unknown = null
  try {
    await seam.devices.get({ device_id: 'no_such_device' })
  } catch (error) {
    unknown = isSeamHttpApiError(error) ? error.code : String(error)
  }
  out.textContent = JSON.stringify({ devices: devices.map((d) => d.device_id).sort(), unknown })
} catch (error) {
  out.textContent = JSON.stringify({ error: `${error.name}: ${error.message}` })
}
