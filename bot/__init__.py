"""The platform-neutral core of KhốiBot: configuration, clock, message catalog and bloc services.

Nothing in this package imports a chat platform library; adapters live in :mod:`handlers`.
"""
