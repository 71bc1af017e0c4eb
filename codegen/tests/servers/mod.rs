//! Test servers for the validation tests, all bound to 127.0.0.1.
//!
//! `http` is a small HTTP/1.1 server whose answers come from a closure,
//! used to implement documented protocols (Keystone v3, form logins, Basic,
//! bearer) inside the tests, plus raw TCP listeners for network failures.
//! `moto` starts the moto AWS emulator with signature checks enforced. `cloudpods` is a test
//! server implementing the documented cloudpods API an account import calls (Keystone v3 with
//! a catalog, the region's `POST /cloudaccounts`).
#![allow(dead_code)]

pub mod cloudpods;
pub mod http;
pub mod moto;
