//! `client.createPaginator(request)`: `new SeamPaginator(request)`, as in @seamapi/http. The
//! paginator (`js/paginator.js`) pages with the request's `withPageCursor` and `fetchResponse`.

use wasm_bindgen::prelude::*;

use crate::client::SeamClient;

#[wasm_bindgen(module = "/src/js/paginator.js")]
extern "C" {
    type SeamPaginator;

    // Reads the request, whose getters may be the page's.
    #[wasm_bindgen(constructor, catch)]
    fn new(request: &JsValue) -> Result<SeamPaginator, JsValue>;
}

#[wasm_bindgen(js_class = SeamClient)]
impl SeamClient {
    /// Pages of a paginated request: `firstPage()`, `nextPage(cursor)`, `for await` over pages,
    /// `flatten()` over items, `flattenToArray()`.
    #[wasm_bindgen(js_name = createPaginator, skip_typescript)]
    pub fn create_paginator(&self, request: JsValue) -> Result<JsValue, JsValue> {
        SeamPaginator::new(&request).map(JsValue::from)
    }
}
