export {
  SeamClient,
  SeamHttpRequest,
  type SeamClientOptions,
  type SeamClientRequestOptions,
  type SeamClientRouteDescription,
  type SeamClientWaitForActionAttempt,
  type SeamPagination,
  type SeamPaginator,
} from './seam_wasm.js'
export * from './types.js'
export * from './errors.js'
