"""The Telegram adapter: the only code that imports python-telegram-bot."""
