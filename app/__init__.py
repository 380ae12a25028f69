"""Start-up: the khoibot command and the wiring of core, handlers, scheduler and platform adapters."""
