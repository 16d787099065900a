// Serves the demo page next to a seeded fake API:
//   node tests/js/support/demo.mjs
// FAKE_PORT (default 8787) and PORT (default 8080) are used when free, else any free port.
// Stops both servers on Ctrl-C / SIGTERM.

import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'
import { startFake } from './harness.mjs'
import { startStaticServer } from './static-server.mjs'

async function isFree(port) {
  const server = createServer()
  try {
    await new Promise((resolve, reject) => {
      server.once('error', reject)
      server.listen(port, '127.0.0.1', resolve)
    })
    return true
  } catch {
    return false
  } finally {
    server.close()
  }
}

// `null` for either port means any free port (what the tests use). `inject`: see startStaticServer.
export async function startDemo({ fakePort = 8787, port = 8080, inject = null } = {}) {
  const fake = await startFake({ port: fakePort != null && (await isFree(fakePort)) ? fakePort : undefined })
  let statics
  try {
    statics = await startStaticServer({ port: port != null && (await isFree(port)) ? port : 0, inject })
  } catch (e) {
    await fake.stop()
    throw e
  }
  const pageUrl = `${statics.origin}/www-example/?endpoint=${fake.url}`
  return {
    fakeUrl: fake.url,
    control: fake.control,
    origin: statics.origin,
    pageUrl,
    stop: async () => {
      try {
        await statics.close()
      } finally {
        await fake.stop()
      }
    },
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const envPort = (name, fallback) => (process.env[name] ? Number(process.env[name]) : fallback)
  const demo = await startDemo({ fakePort: envPort('FAKE_PORT', 8787), port: envPort('PORT', 8080) })
  console.log(`Fake Seam API: ${demo.fakeUrl}`)
  console.log(`Demo: ${demo.pageUrl}`)
  console.log('Sign in as john_user_identifier_key, the seeded user with four devices.')
  let stopping = false
  const stop = async () => {
    if (stopping) return
    stopping = true
    await demo.stop()
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}
