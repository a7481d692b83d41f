"""The window's start is cut into short turns of the event loop; what the user
sees of it is the same."""

from timeline_app.gui.timeline_view import QuietAxis


def test_an_axis_label_is_written_when_shown(qtbot):
    axis = QuietAxis("bottom")
    assert axis.label.toPlainText() == ""  # hidden: its HTML not even set
    axis.setLabel("time", units="d")  # (pyqtgraph shows the label it is given)
    assert axis.label.isVisible() and axis.label.toPlainText() == "time (d)"
    axis.showLabel(False)
    axis.setLabel("days")
    axis.showLabel(True)
    assert axis.label.toPlainText().strip() == "days"
