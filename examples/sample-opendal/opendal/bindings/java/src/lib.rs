// Stand-in for the Java binding's crate root.

mod utility;
