// @seamapi/http's other client classes, over SeamClient (which is `SeamHttp`): the endpoints by
// path, the client without a workspace, and a class per route namespace (`SeamHttpDevices`, ...).
// Each instance holds a SeamClient and forwards to it; every check and decision is the client's.
import { SeamClient } from './seam_wasm.js'
import { createNamespaces } from './snippets/@SNIPPET@/src/generated/namespaces.js'

const clients = new WeakMap()

// The SeamClient behind a facade; anything else is refused as a method of a freed client is.
function clientOf(facade, what) {
  const client = clients.get(facade)
  if (client === undefined) throw new TypeError(`${what}: this object is not a Seam client`)
  return client
}

function adopt(cls, client) {
  const facade = Object.create(cls.prototype)
  clients.set(facade, client)
  return facade
}

// `devices.unmanaged` → `['devices', 'unmanaged']` and back to the names @seamapi/http uses.
const pascal = (path) => path.map((name) => name[0].toUpperCase() + name.slice(1)).join('')
const snake = (name) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)

// The namespaces' shape, from the generated module itself: functions are routes, objects are
// namespaces. Nothing is called.
const shape = createNamespaces(() => undefined)
const walk = (path) => path.reduce((object, name) => object[name], shape)

// The factories of @seamapi/http's classes, each over SeamClient's, for class `cls`.
const workspaceFactories = {
  fromApiKey(cls, apiKey, options) {
    return adopt(cls, SeamClient.fromApiKey(apiKey, options))
  },
  fromClientSessionToken(cls, clientSessionToken, options) {
    return adopt(cls, SeamClient.fromClientSessionToken(clientSessionToken, options))
  },
  async fromPublishableKey(cls, publishableKey, userIdentifierKey, options) {
    return adopt(cls, await SeamClient.fromPublishableKey(publishableKey, userIdentifierKey, options))
  },
  fromConsoleSessionToken(cls, consoleSessionToken, workspaceId, options) {
    return adopt(cls, SeamClient.fromConsoleSessionToken(consoleSessionToken, workspaceId, options))
  },
  fromPersonalAccessToken(cls, personalAccessToken, workspaceId, options) {
    return adopt(cls, SeamClient.fromPersonalAccessToken(personalAccessToken, workspaceId, options))
  },
}
const withoutWorkspaceFactories = {
  fromConsoleSessionToken(cls, consoleSessionToken, options = {}) {
    return adopt(cls, SeamClient.withoutWorkspace('consoleSessionToken', consoleSessionToken, options))
  },
  fromPersonalAccessToken(cls, personalAccessToken, options = {}) {
    return adopt(cls, SeamClient.withoutWorkspace('personalAccessToken', personalAccessToken, options))
  },
}
const sessionMembers = {
  createPaginator: {
    value(request) {
      return clientOf(this, 'createPaginator').createPaginator(request)
    },
  },
  updateClientSessionToken: {
    value(clientSessionToken) {
      return clientOf(this, 'updateClientSessionToken').updateClientSessionToken(clientSessionToken)
    },
  },
}

// A class whose instances hold a SeamClient made as `new SeamClient(apiKeyOrOptions)` makes it.
function clientClass(name, members, factories = workspaceFactories) {
  const cls = class {
    constructor(apiKeyOrOptions) {
      clients.set(this, new SeamClient(apiKeyOrOptions))
    }
  }
  Object.defineProperty(cls, 'name', { value: name })
  for (const [key, factory] of Object.entries(factories)) {
    // Bound, as @seamapi/http's are: `const { fromApiKey } = SeamHttpDevices` works.
    Object.defineProperty(cls, key, { value: (...args) => factory(cls, ...args), writable: true, configurable: true })
  }
  for (const member of Object.values(members)) {
    member.configurable = true
    if ('value' in member) member.writable = true
  }
  Object.defineProperties(cls.prototype, members)
  return cls
}

// `SeamHttpDevices` and the like: the routes of one namespace, and its sub-namespaces as
// instances of their own classes, sharing the client.
export const namespaceClasses = {}
function namespaceClass(path) {
  const members = { ...sessionMembers }
  for (const [key, value] of Object.entries(walk(path))) {
    if (typeof value === 'function') {
      members[key] = {
        value(parameters, options) {
          return path.reduce((o, n) => o[n], clientOf(this, key))[key](parameters, options)
        },
      }
    } else {
      const child = namespaceClass([...path, key])
      members[key] = {
        get() {
          return adopt(child, clientOf(this, key))
        },
      }
    }
  }
  const name = `SeamHttp${pascal(path)}`
  return (namespaceClasses[name] = clientClass(name, members))
}
for (const key of Object.keys(shape)) namespaceClass([key])

// Every route under its path: `endpoints['/devices/list'](parameters, options)`.
function endpointMembers(only) {
  const members = {}
  const visit = (path) => {
    for (const [key, value] of Object.entries(walk(path))) {
      if (typeof value !== 'function') {
        visit([...path, key])
        continue
      }
      const route = `/${[...path, key].map(snake).join('/')}`
      if (only && !only.includes(route)) continue
      members[route] = {
        get() {
          const namespace = path.reduce((o, n) => o[n], clientOf(this, route))
          return (parameters, options) => namespace[key](parameters, options)
        },
      }
    }
  }
  visit([])
  return members
}

export const SeamHttpEndpoints = clientClass('SeamHttpEndpoints', { ...sessionMembers, ...endpointMembers() })

// For tokens that are not scoped to one workspace (a console session, a personal access token):
// only the routes that list and create workspaces.
const WORKSPACE_ROUTES = ['/workspaces/create', '/workspaces/list']

export const SeamHttpWithoutWorkspace = clientClass(
  'SeamHttpWithoutWorkspace',
  {
    workspaces: {
      get() {
        return adopt(namespaceClasses.SeamHttpWorkspaces, clientOf(this, 'workspaces'))
      },
    },
  },
  withoutWorkspaceFactories,
)

export const SeamHttpEndpointsWithoutWorkspace = clientClass(
  'SeamHttpEndpointsWithoutWorkspace',
  endpointMembers(WORKSPACE_ROUTES),
  withoutWorkspaceFactories,
)
