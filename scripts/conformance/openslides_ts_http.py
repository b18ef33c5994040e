"""pytest plugin (loaded with -p openslides_ts_http): upstream's system tests talk to a running
openslides-ts over HTTP instead of calling upstream's WSGI app in-process.

The test client keeps its werkzeug surface (cookies, auth header handling); only the application
it calls is replaced by a forwarder that sends each request to OPENSLIDES_TS_URL. Login goes
through osauthlib to AUTH_HOST/AUTH_PORT, which the runner points at the same server.
"""

import os
import urllib.error
import urllib.request

import pytest

TARGET = os.environ["OPENSLIDES_TS_URL"].rstrip("/")
HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "content-length", "host"}


class HttpForwarder:
    """A WSGI application that forwards to the server; other attributes come from the real app."""

    def __init__(self, app):
        self._app = app

    def __getattr__(self, name):
        return getattr(self._app, name)

    def __call__(self, environ, start_response):
        query = environ.get("QUERY_STRING")
        url = TARGET + environ.get("PATH_INFO", "/") + (f"?{query}" if query else "")
        length = int(environ.get("CONTENT_LENGTH") or 0)
        body = environ["wsgi.input"].read(length) if length else None
        headers = {}
        for key, value in environ.items():
            if key.startswith("HTTP_"):
                headers[key[5:].replace("_", "-").title()] = value
        if environ.get("CONTENT_TYPE"):
            headers["Content-Type"] = environ["CONTENT_TYPE"]
        request = urllib.request.Request(url, data=body, headers=headers, method=environ["REQUEST_METHOD"])
        try:
            response = urllib.request.urlopen(request, timeout=600)
        except urllib.error.HTTPError as error:
            response = error
        payload = response.read()
        reply_headers = [(k, v) for k, v in response.headers.items() if k.lower() not in HOP_BY_HOP]
        reply_headers.append(("Content-Length", str(len(payload))))
        start_response(f"{response.status} {response.reason}", reply_headers)
        return [payload]


@pytest.hookimpl(tryfirst=True)
def pytest_sessionstart(session):
    from tests.system.base import BaseSystemTestCase
    from tests.util import Client

    def create_client(self, on_auth_data_changed=None):
        return Client(HttpForwarder(self.app), on_auth_data_changed)

    BaseSystemTestCase.create_client = create_client
