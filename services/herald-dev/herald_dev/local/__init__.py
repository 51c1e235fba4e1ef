"""Running Herald on one machine: the local Kafka broker, the demo feed and receiver, `herald up`."""
