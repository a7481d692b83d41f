"""Importing one long article from the window: the progress dialog's bar moves
while it is read, and its label says how far the reading is."""

from PySide6.QtWidgets import QProgressDialog

import timeline_app.services as services

from .conftest import import_and_wait


def test_the_dialog_label_counts_the_percent_of_a_long_article_read(
    qtbot, window, answers, tmp_path, monkeypatch
):
    monkeypatch.setattr(services, "LONG_ARTICLE", 10_000)
    shown, values = [], []
    label, value = QProgressDialog.setLabelText, QProgressDialog.setValue
    monkeypatch.setattr(QProgressDialog, "setLabelText",
                        lambda dialog, text: (shown.append(text), label(dialog, text)))  # fmt: skip
    monkeypatch.setattr(QProgressDialog, "setValue", lambda dialog, v: (
        values.append((v, dialog.maximum())), value(dialog, v)))  # fmt: skip
    body = "\n\n".join(
        f"Paragraph {n}: the Taliban captured {('Herat', 'Ghazni', 'Kunduz')[n % 3]} on Monday."
        for n in range(400)
    )
    article = tmp_path / "long.txt"
    article.write_text(f"Published Aug. 12, 2021\n\n{body}\n")
    report = import_and_wait(qtbot, window, answers, [article])
    assert len(report.imported) == 1
    assert "Importing long.txt" in shown
    assert "Importing long.txt (50%)" in shown and "Importing long.txt (100%)" in shown
    assert (50, 100) in values  # the bar at half way with the label
