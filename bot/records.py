"""The stored records the core hands to the layers above it.

Handlers and adapters read these objects (a bloc's name, a vote's id) and pass them back to services;
they never query or change them themselves: that is what :mod:`bot.services` is for. Importing them
from here keeps ``storage`` out of the handlers (``tests/test_architecture.py``).
"""

from __future__ import annotations

from storage.models import (
    Account,
    AwardType,
    Bloc,
    BlocChat,
    CalendarItem,
    Officer,
    Pledge,
    StoredFile,
    Submission,
    Unit,
    Vote,
    id_of,
)

__all__ = ["Account", "AwardType", "Bloc", "BlocChat", "CalendarItem", "Officer", "Pledge", "StoredFile",
           "Submission", "Unit", "Vote", "id_of"]
