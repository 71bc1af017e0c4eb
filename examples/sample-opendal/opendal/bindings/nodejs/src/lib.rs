// Stand-in for the Node.js binding.
