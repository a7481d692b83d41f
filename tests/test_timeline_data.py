import numpy as np

from timeline_app import timeline_data
from timeline_app.services import import_paths


def test_sample_as_arrays(store, sample_path):
    import_paths([sample_path], store)
    data = timeline_data.load(store)
    assert len(data) == 9 and data.undated == 0
    assert np.all(np.diff(data.x) >= 0)
    names = [lane.name for lane in data.lanes]
    assert names[:3] == ["Farah", "Fayzabad", "Pul-e-Khumri"] and names[3] == "Kunduz"
    ghazni_siege = int(np.flatnonzero(~np.isnan(data.end))[0])
    assert data.lanes[data.lane[ghazni_siege]].name == "Ghazni"


def test_lane_orders(store, sample_path):
    import_paths([sample_path], store)
    by_name = [lane.name for lane in timeline_data.load(store, "name").lanes]
    assert by_name == sorted(by_name, key=str.lower)
    north = timeline_data.load(store, "north_south").lanes
    assert [lane.lat for lane in north] == sorted((lane.lat for lane in north), reverse=True)


def test_empty_database(store):
    data = timeline_data.load(store)
    assert len(data) == 0 and data.lanes == []
    start, end = data.span()
    assert end > start
