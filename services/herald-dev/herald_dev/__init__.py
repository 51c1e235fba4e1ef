"""Herald's development tools: the local launcher, demo, test fixtures, benchmarks and plots."""
