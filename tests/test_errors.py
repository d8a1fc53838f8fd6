"""A bad parameter gets a 400 that says what is wrong, never a 500."""

import pytest


async def error_of(site, path: str) -> str:
    response = await site.client.get(path)
    assert response.status_code == 400, (path, response.status_code)
    return response.json()["error"]


@pytest.mark.anyio
async def test_an_unknown_sort_column_is_refused_by_name(site):
    for parameter in ("_sort", "_sort_desc"):
        error = await error_of(site, f"/xinjiang/quotes.json?{parameter}=nosuch")
        assert "Cannot sort quotes by 'nosuch'" in error and "speaker_id" in error


@pytest.mark.anyio
async def test_two_sort_orders_at_once_are_refused(site):
    assert "not both" in await error_of(site, "/xinjiang/quotes.json?_sort=kind&_sort_desc=kind")


@pytest.mark.anyio
async def test_a_page_token_of_another_order_is_refused(site):
    assert "is not a page of quotes" in await error_of(site, "/xinjiang/quotes.json?_next=a,b,c")
