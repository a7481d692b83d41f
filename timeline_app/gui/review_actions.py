"""The analyst's edits as undoable commands: each runs through the core's
Review (written at once, audited) and is pushed on the window's QUndoStack."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from ..review import Change, Review


class ReviewCommand(QUndoCommand):
    """A change already made: the first redo (QUndoStack.push) does nothing more."""

    def __init__(self, review: Review, change: Change, after_change) -> None:
        super().__init__(change.description)
        self.review = review
        self.change = change
        self.after_change = after_change  # callable(event id to show, the change)
        self._done = True

    def redo(self) -> None:
        if self._done:
            self._done = False
        else:
            self.review.redo(self.change)
        self.after_change(self.change.event_id, self.change)

    def undo(self) -> None:
        self.review.undo(self.change)
        before = self.change.before.event_ids
        shown = (
            self.change.event_id if self.change.event_id in before else min(before, default=None)
        )
        self.after_change(shown, self.change)
