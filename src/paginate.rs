//! `client.createPaginator(request)`: the pages of a paginated route. Pages are fetched here; the
//! iteration protocol lives in `js/paginator.js`.

use js_sys::{Array, Object, Promise, Reflect};
use wasm_bindgen::prelude::*;

use crate::client::{promise, SeamClient};
use crate::error::SdkError;
use crate::http;
use crate::interop::{self, field};
use crate::request::{prepare, unreadable};
use crate::routes;

#[wasm_bindgen(module = "/src/js/paginator.js")]
extern "C" {
    type SeamPaginator;

    #[wasm_bindgen(constructor)]
    fn new(fetch_page: &JsValue) -> SeamPaginator;
}

/// The API's `pagination` as `{ hasNextPage, nextPageCursor, nextPageUrl }`.
fn pagination_of(body: &JsValue) -> JsValue {
    let pagination = field(body, "pagination");
    let out = Object::new();
    let or_null = |value: JsValue| if value.is_undefined() { JsValue::NULL } else { value };
    let _ = Reflect::set(&out, &"hasNextPage".into(), &JsValue::from_bool(field(&pagination, "has_next_page").is_truthy()));
    let _ = Reflect::set(&out, &"nextPageCursor".into(), &or_null(field(&pagination, "next_page_cursor")));
    let _ = Reflect::set(&out, &"nextPageUrl".into(), &or_null(field(&pagination, "next_page_url")));
    out.into()
}

#[wasm_bindgen(js_class = SeamClient)]
impl SeamClient {
    /// Pages of a paginated request: `firstPage()`, `nextPage(cursor)`, `for await` over pages,
    /// `flatten()` over items, `flattenToArray()`.
    #[wasm_bindgen(js_name = createPaginator, skip_typescript)]
    pub fn create_paginator(&self, request: JsValue) -> Result<JsValue, JsValue> {
        // Read as a plain object, so that anything else is a TypeError rather than a binding error.
        let path = interop::text(&field(&request, "pathname"), 256).unwrap_or_default();
        let route = routes::by_path(&path).ok_or_else(|| SdkError::Type("createPaginator needs a request made by a route method, such as client.devices.list()".to_owned()))?;
        let Some(key) = route.response_key.filter(|_| route.paginated()) else {
            return Err(SdkError::Type([route.path, " is not paginated"].concat()).into());
        };
        let (inner, params) = (self.inner().clone(), field(&request, "params"));
        let fetch_page = Closure::<dyn Fn(JsValue) -> Promise>::new(move |cursor: JsValue| {
            // The same parameters for every page, plus the cursor: the API refuses a cursor
            // used with other parameters.
            let page_params: JsValue = interop::record().into();
            let copied = if params.is_object() { interop::assign(&page_params, &params) } else { Ok(()) };
            if let Err(error) = copied {
                return Promise::reject(&unreadable(&route, &error).into());
            }
            if cursor.is_string() {
                let _ = Reflect::set(&page_params, &"page_cursor".into(), &cursor);
            }
            let prepared = match prepare(&inner.endpoint, &route, &page_params) {
                Ok(prepared) => prepared,
                Err(error) => return Promise::reject(&error.into()),
            };
            let inner = inner.clone();
            promise(async move {
                let body = inner.execute(&route, &prepared.url, prepared.body).await?;
                let items = http::response_value(&body, route.path, key)?;
                Ok(Array::of2(&items, &pagination_of(&body)).into())
            })
        })
        .into_js_value();
        Ok(SeamPaginator::new(&fetch_page).into())
    }
}
