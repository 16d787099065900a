// Route definitions of the fixture's widgets, written as @seamapi/http writes its own: each
// method builds a SeamHttpRequest from literal values. The generator reads only those.

import { SeamHttpRequest } from 'lib/seam-http-request.js'

export class Widgets {
  /**
   * Lists widgets. A "}" or a `'` in a comment, or `new SeamHttpRequest(this, {` here, is not
   * code.
   */
  list(parameters?: WidgetsListParameters, options = {}): WidgetsListRequest {
    return new SeamHttpRequest(this, {
      pathname: '/widgets/list',
      method: 'GET',
      params: parameters,
      parameters,
      hasRequiredParameters: false,
      requiredParameterNames: [],
      atLeastOneParameterNames: [],
      responseKey: 'widgets',
      hasPagination: true,
      options,
    })
  }

  get(parameters: WidgetsGetParameters, options = {}): WidgetsGetRequest {
    return new SeamHttpRequest(this, {
      pathname: '/widgets/get',
      method: 'GET',
      params: parameters,
      parameters,
      hasRequiredParameters: true,
      requiredParameterNames: ['widget_id'],
      atLeastOneParameterNames: [],
      responseKey: 'widget',
      options,
    })
  }

  // The same names as the spec's alternatives, in another order: the table keeps this one.
  find(parameters: WidgetsFindParameters, options = {}): WidgetsFindRequest {
    return new SeamHttpRequest(this, {
      pathname: '/widgets/find',
      method: 'GET',
      params: parameters,
      parameters,
      hasRequiredParameters: true,
      requiredParameterNames: [],
      atLeastOneParameterNames: ['widget_id', 'name'],
      responseKey: 'widget',
      options,
    })
  }

  delete(parameters: WidgetsDeleteParameters, options = {}): WidgetsDeleteRequest {
    return new SeamHttpRequest(this, {
      pathname: '/widgets/delete',
      method: 'DELETE',
      params: parameters,
      parameters,
      hasRequiredParameters: true,
      requiredParameterNames: ['widget_id'],
      atLeastOneParameterNames: [],
      responseKey: undefined,
      options,
    })
  }

  // Checks nothing, though the spec requires widget_id.
  remove(parameters?: WidgetsRemoveParameters, options = {}): WidgetsRemoveRequest {
    return new SeamHttpRequest(this, {
      pathname: '/widgets/remove',
      method: 'DELETE',
      params: parameters,
      parameters,
      hasRequiredParameters: false,
      requiredParameterNames: [],
      atLeastOneParameterNames: [],
      responseKey: undefined,
      options,
    })
  }

  // An "at least one" rule the spec does not say.
  update(parameters: WidgetsUpdateParameters, options = {}): WidgetsUpdateRequest {
    return new SeamHttpRequest(this, {
      pathname: '/widgets/update',
      method: 'PATCH',
      body: parameters,
      parameters,
      hasRequiredParameters: true,
      requiredParameterNames: ['widget_id'],
      atLeastOneParameterNames: [
        'name',
        'labels',
      ],
      responseKey: undefined,
      options,
    })
  }

  // Not in the fixture's spec.
  merge(parameters: WidgetsMergeParameters, options = {}): WidgetsMergeRequest {
    return new SeamHttpRequest(this, {
      pathname: '/widgets/merge',
      method: 'POST',
      body: parameters,
      parameters,
      hasRequiredParameters: true,
      requiredParameterNames: ['widget_ids'],
      atLeastOneParameterNames: [],
      responseKey: undefined,
      options,
    })
  }
}
