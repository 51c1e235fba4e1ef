"""The pipeline benchmark behind ``herald bench``: ceiling, saturation, latency, resources, scale-out."""
