//! `Json<T>`: actix's JSON extractor (same limits, content type and error mapping) that takes
//! a request body only as a JSON object. serde reads a struct from an array too (`[null,
//! null]` as the fields in order), which the document does not allow and no client means.

use std::ops::Deref;

use actix_web::dev::Payload;
use actix_web::{web, FromRequest, HttpRequest};
use futures_util::future::LocalBoxFuture;
use futures_util::FutureExt;
use serde::de::DeserializeOwned;

use crate::domain::object_only::ObjectOnly;

pub struct Json<T>(pub T);

impl<T> Json<T> {
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T> Deref for Json<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: DeserializeOwned + 'static> FromRequest for Json<T> {
    type Error = actix_web::Error;
    type Future = LocalBoxFuture<'static, Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        web::Json::<ObjectOnly<T>>::from_request(req, payload)
            .map(|r| r.map(|body| Json(body.into_inner().0)))
            .boxed_local()
    }
}
