// Stand-in for the Python binding's crate root.

mod services;
