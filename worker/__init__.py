"""The composition: settings, job handler, CLI, health and metrics. The only package that imports both
`translation` and `queues`."""
