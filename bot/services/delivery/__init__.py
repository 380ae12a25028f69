"""Getting messages out and in: the outbox, notices to a bloc, live posts, numbered menus, shared file links."""
