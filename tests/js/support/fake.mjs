// Runs Seam's fake API server (@seamapi/fake-seam-connect) in its own process, seeded like
// `server.js --seed`. Started with child_process.fork it reports `{ ready: url }` over IPC and
// then answers `{ id, cmd, args }` messages with `{ id, result }` or `{ id, error }`, so tests can
// put the fake in states its HTTP API cannot (an expired session, say). It exits when the parent
// goes away. Run directly (`node tests/js/support/fake.mjs`) it prints the URL and keeps serving.

import net from 'node:net'
import { createFake } from '@seamapi/fake-seam-connect'

// The fake listens on every interface (`listen(port, callback)`); this process serves tests on
// this machine only, so such a listen is bound to the loopback address.
const listen = net.Server.prototype.listen
net.Server.prototype.listen = function (port, ...rest) {
  const loopback = typeof port === 'number' && typeof rest[0] === 'function'
  return loopback ? listen.call(this, port, '127.0.0.1', ...rest) : listen.call(this, port, ...rest)
}

const WORKSPACE_ID = 'seed_workspace_1'

const fake = await createFake()
await fake.seed()
const db = fake.database

const requestedPort = process.env.FAKE_PORT ? Number(process.env.FAKE_PORT) : undefined
// Leaving the port undefined lets the fake pick a free one itself.
await fake.startServer({ port: requestedPort })
// The fake reports `localhost`; an IPv4 literal keeps browsers from trying ::1 first.
const url = fake.serverUrl.replace('//localhost:', '//127.0.0.1:')

const findSessions = (userIdentifierKey, workspaceId = WORKSPACE_ID) =>
  db.client_sessions.filter(
    (s) => s.user_identifier_key === userIdentifierKey && s.workspace_id === workspaceId,
  )

// Rewrites the sessions of one user; returns how many were changed.
const patchSessions = (userIdentifierKey, patch, workspaceId = WORKSPACE_ID) => {
  let changed = 0
  db.setState({
    client_sessions: db.client_sessions.map((s) => {
      if (s.user_identifier_key !== userIdentifierKey || s.workspace_id !== workspaceId) return s
      changed += 1
      return { ...s, ...patch }
    }),
  })
  return changed
}

// Session commands take the user identifier key as a string or as { userIdentifierKey, workspaceId }.
const who = (args) => (typeof args === 'string' ? { userIdentifierKey: args } : args ?? {})

const commands = {
  ping: () => 'pong',
  addClientSession: (params = {}) => db.addClientSession({ workspace_id: WORKSPACE_ID, ...params }),
  getClientSessions: (args) => {
    const { userIdentifierKey, workspaceId } = who(args)
    return findSessions(userIdentifierKey, workspaceId)
  },
  expireSession: (args) => {
    const { userIdentifierKey, workspaceId } = who(args)
    return patchSessions(userIdentifierKey, { expires_at: new Date(Date.now() - 3_600_000).toISOString() }, workspaceId)
  },
  revokeSession: (args) => {
    const { userIdentifierKey, workspaceId } = who(args)
    return patchSessions(userIdentifierKey, { revoked_at: new Date(Date.now() - 1000).toISOString() }, workspaceId)
  },
  simulateOutage: ({ routes, workspaceId = WORKSPACE_ID } = {}) => {
    db.simulateWorkspaceOutage(workspaceId, { routes })
    return true
  },
}

let stopping = false
const stop = async (code = 0) => {
  if (stopping) return
  stopping = true
  try {
    await fake.stopServer()
  } finally {
    process.exit(code)
  }
}

if (process.send) {
  process.on('message', async (message) => {
    const { id, cmd, args } = message ?? {}
    try {
      const fn = commands[cmd]
      if (!fn) throw new Error(`unknown command: ${cmd}`)
      const result = await fn(args)
      process.send({ id, result: result === undefined ? null : result })
    } catch (error) {
      process.send({ id, error: String(error?.stack ?? error) })
    }
  })
  // The parent closing the channel (normally or by dying) is our signal to go.
  process.on('disconnect', () => stop(0))
  process.send({ ready: url })
} else {
  console.log(url)
}

process.on('SIGINT', () => stop(0))
process.on('SIGTERM', () => stop(0))
