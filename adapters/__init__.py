"""Platform adapters (Telegram, Zalo, the console): the only code that imports a chat platform library."""
