"""The chat-facing layer: per-feature command handlers and the platform adapters.

Feature modules (``start``, ``units``, ...) parse input, call :mod:`bot.services` and reply with
platform-neutral messages; adapters (``telegram``, ``console``) are the only code that touches a
chat platform.
"""
