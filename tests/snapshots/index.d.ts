export {
  SeamClient,
  SeamHttpRequest,
  SeamPaginator,
  getOpenapiSchema,
  serializeUrlSearchParams,
  updateUrlSearchParams,
  type Params,
  type SeamClientOptions,
  type SeamClientRequestOptions,
  type SeamClientRouteDescription,
  type SeamClientWaitForActionAttempt,
  type SeamPagination,
} from './seam_wasm.js'
export * from './types.js'
export * from './errors.js'
