"""Herald's benchmarks: scripts that measure the real thing and print numbers (never timed tests)."""
