"""The only code the services share: settings, topics, records, Kafka and Faust helpers, metrics, logging."""
