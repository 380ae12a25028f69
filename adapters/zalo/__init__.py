"""The Zalo adapter: Zalo's bot platform (private chats, text, photos by URL; no buttons, no edits)."""
