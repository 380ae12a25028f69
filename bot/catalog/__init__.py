"""Message texts, one module per feature; see :mod:`bot.i18n`."""
