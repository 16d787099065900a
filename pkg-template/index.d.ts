export {
  SeamClient,
  SeamClientActionAttempts,
  SeamClientClientSessions,
  SeamClientDevices,
  SeamClientLocks,
  type ActionAttempt,
  type ClientSession,
  type Device,
  type SeamClientOptions,
  type SeamResource,
} from './seam_wasm.js'
export * from './errors.js'
