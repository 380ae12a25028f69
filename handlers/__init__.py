"""The chat-facing layer: one thin module per feature that parses what was typed, calls one service
of :mod:`bot.services` and renders the answer as platform-neutral messages.

Around them: ``dispatch`` (routing, permission checks, errors as polite replies), ``registry`` (what a
feature declares), ``request`` (one update: who, where, which bloc, how to answer), ``publish``
(posting an item to the whole bloc) and ``features`` (all wiring in one place). Handlers never import
``storage`` and never query or write through the session themselves.
"""
