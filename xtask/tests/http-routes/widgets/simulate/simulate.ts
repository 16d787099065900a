// A route whose request also carries a function: its braces and parentheses are skipped.

import { SeamHttpRequest } from 'lib/seam-http-request.js'

export class WidgetsSimulate {
  spin(parameters: WidgetsSimulateSpinParameters, options = {}): WidgetsSimulateSpinRequest {
    return new SeamHttpRequest(this, {
      pathname: "/widgets/simulate/spin",
      method: 'POST',
      body: parameters,
      parameters,
      hasRequiredParameters: true,
      requiredParameterNames: ['widget_id'],
      atLeastOneParameterNames: [],
      responseKey: 'action_attempt',
      options,
      actionAttempts: () =>
        ActionAttempts.fromClient(this.client, {
          ...this.defaults,
          waitForActionAttempt: false,
        }),
    })
  }
}
