"""The app's life: what start-up sets up and shutdown undoes."""

from __future__ import annotations

import gc

from fastapi import FastAPI
from fastapi.testclient import TestClient


def test_start_up_objects_stay_out_of_collections_while_the_app_runs(app: FastAPI) -> None:
    with TestClient(app) as client:
        assert gc.get_freeze_count() > 0
        assert client.get("/api/v1/health").status_code == 200
    assert gc.get_freeze_count() == 0
