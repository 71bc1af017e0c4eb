// Stand-in for the .NET binding.
