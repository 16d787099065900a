export {
  SeamClient,
  type SeamClientOptions,
  type SeamClientRequestOptions,
  type SeamClientRouteDescription,
} from './seam_wasm.js'
export * from './types.js'
export * from './errors.js'
